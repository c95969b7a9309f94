package org.pmlp.cli;

import java.util.concurrent.Callable;
import org.pmlp.approx.KnobListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "knobs", mixinStandardHelpOptions = true,
        description = "List the approximation knobs: each design-configuration section, its fields (values, default,"
                + " effect) and the gene blocks the search turns, as the passes declare them.")
final class KnobsCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "Print the README's design-configuration table instead.")
    boolean markdown;

    @Override
    public Integer call() {
        System.out.print(markdown ? KnobListing.markdown() : KnobListing.text());
        return 0;
    }
}
