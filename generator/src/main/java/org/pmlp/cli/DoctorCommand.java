package org.pmlp.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.pmlp.eda.Tools;
import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check for the external tools pmlp drives (yosys, verilator, iverilog, make, g++), print their "
                + "versions, and say exactly how to install what is missing (exit code 3 when something is).")
final class DoctorCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<Tools.Found> found = Tools.findAll();
        for (Tools.Found f : found) {
            System.out.printf("%-10s %s%n", f.tool().command(), f.present()
                    ? f.path() + "  " + f.version() : "MISSING (" + f.tool().purpose() + ")");
        }
        System.out.printf("%-10s %s%n", "java", System.getProperty("java.version"));
        List<String> missing = Tools.missingPackages(found);
        if (missing.isEmpty()) {
            System.out.println("all tools found");
            return 0;
        }
        System.out.println();
        System.out.println("missing: " + String.join(", ", missing) + ". On Debian or Ubuntu install them with:");
        System.out.println("  " + installCommand(missing));
        return Main.TOOL_FAILURE;
    }

    static String installCommand(List<String> packages) {
        return "sudo apt-get update && sudo apt-get install -y " + String.join(" ", packages);
    }
}
