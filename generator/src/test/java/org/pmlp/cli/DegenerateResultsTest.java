package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.testutil.Shared;

/** Results that pass every check but are not classifiers are said to be what they are. */
class DegenerateResultsTest {
    @TempDir
    Path tmp;

    private static final String WARNING = "warning: this is a constant circuit";

    @Test
    void droppingEveryInputGivesAConstantCircuitWarning() throws IOException {
        Path config = Files.writeString(tmp.resolve("drop.json"), "{\"format\": \"pmlp-design\", \"version\": 1,"
                + " \"inputs\": {\"bits\": [0,0,0,0,0,0,0,0,0,0,0,0,0]}}");
        Path repo = Shared.repo();
        var r = InProcessCli.run("generate", "--model", repo.resolve("examples/wine/model.json").toString(), "--train",
                repo.resolve("examples/wine/wine.csv").toString(), "--split", "0.3", "--config", config.toString(), "-o",
                tmp.resolve("d").toString());
        assertEquals(0, r.code(), r.text());
        assertTrue(r.text().contains(WARNING) && r.text().contains("reads no input bit"), r.text());
        var exact = InProcessCli.run("generate", "--model", repo.resolve("examples/wine/model.json").toString(),
                "--train", repo.resolve("examples/wine/wine.csv").toString(), "--split", "0.3", "-o",
                tmp.resolve("e").toString());
        assertFalse(exact.text().contains(WARNING), exact.text());
    }

    @Test
    void continuousLabelIsWarnedAbout() {
        Path repo = Shared.repo();
        var r = InProcessCli.run("train", "--train", repo.resolve("examples/wine/wine.csv").toString(), "--label", "hue",
                "--hidden", "2", "--epochs", "2", "--restarts", "1", "-o", tmp.resolve("m.json").toString());
        assertTrue(r.text().contains("classes in 178 rows (more than a fifth of the rows)"), r.text());
        assertTrue(r.text().contains("have a single row"), r.text());
    }

    /**
     * Weights that vanish in quantization (as with thousands of features, where each weight is
     * tiny beside the largest) leave no input: a constant circuit, not a design of area 0.
     */
    @Test
    void weightsLostInQuantizationGiveAConstantCircuitThatIsNamed() throws IOException {
        Path model = Files.writeString(tmp.resolve("tiny.json"), """
                {"format": "pmlp-mlp", "version": 1, "features": ["a", "b"], "classes": ["0", "1"],
                 "scaler": {"kind": "none"},
                 "layers": [{"weights": [[1e-9, -1e-9], [2e-9, 1e-9]], "biases": [0.5, 0.25], "activation": "relu"},
                            {"weights": [[1, 0], [0, 1]], "biases": [0, 0], "activation": "softmax"}]}
                """);
        var g = InProcessCli.run("generate", "--model", model.toString(), "-o", tmp.resolve("tiny").toString());
        assertEquals(0, g.code(), g.text());
        assertTrue(g.text().contains(WARNING), g.text());
    }
}
