package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** explore saves its arguments for --resume with absolute file paths, so a resume works from any directory. */
class ExploreSavedArgsTest {
    @Test
    void filePathsAreSavedAbsoluteAndOtherValuesAsGiven() {
        ExploreCommand c = new ExploreCommand();
        new CommandLine(c).parseArgs("--model", "m/model.json", "--train", "d/../d/train.csv", "-o", "run", "--power",
                "--seed", "7", "--executor", "slurm", "--slurm-opt", "--time=10");
        Path cwd = Path.of("").toAbsolutePath();
        List<String> saved = c.savedArgs();
        assertEquals(List.of("--model=" + cwd.resolve("m/model.json"), "--train=" + cwd.resolve("d/train.csv"),
                "--output=" + cwd.resolve("run"), "--power", "--seed=7", "--executor=slurm", "--slurm-opt=--time=10"),
                saved);
        // What is saved parses back to the same run.
        ExploreCommand again = new ExploreCommand();
        new CommandLine(again).parseArgs(saved.toArray(new String[0]));
        assertEquals(cwd.resolve("d/train.csv"), again.data.train);
        assertEquals(7, again.seed);
        assertEquals(true, again.power);
    }
}
