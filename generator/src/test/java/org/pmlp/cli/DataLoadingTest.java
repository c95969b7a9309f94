package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;

/** Which file a data problem is blamed on. */
class DataLoadingTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private PrintStream log() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    @Test
    void oneClassTrainingSetIsBlamedNotTheTestFile() throws IOException {
        DataOptions d = new DataOptions();
        d.header = "auto";
        d.impute = "drop";
        d.train = Files.writeString(dir.resolve("train.csv"), "a,b,y\n1,2,0\n3,4,0\n5,6,0\n");
        d.test = Files.writeString(dir.resolve("test.csv"), "a,b,y\n1,2,0\n3,4,1\n");
        UserError e = assertThrows(UserError.class, () -> d.load(1, true, log()));
        assertTrue(e.getMessage().startsWith(d.train.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("1 class ([0]"), e.getMessage());
        assertFalse(e.getMessage().contains("test.csv"), e.getMessage());
    }

    @Test
    void missingProvenanceDataFileIsNamed() {
        Mlp m = tinyModel(Map.of("train", dir.resolve("gone/train.csv").toString(), "split", 0.3));
        DataOptions d = new DataOptions();
        ModelDefaults.applyProvenance(m, d, log());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(dir.resolve("gone/train.csv").toString()) && text.contains("does not exist"), text);
        assertNull(d.train);
    }

    @Test
    void missingProvenanceTestFileIsNamedToo() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "a,y\n1,0\n2,1\n");
        Mlp m = tinyModel(Map.of("train", train.toString(), "test", dir.resolve("old-test.csv").toString()));
        DataOptions d = new DataOptions();
        ModelDefaults.applyProvenance(m, d, log());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("old-test.csv") && text.contains("does not exist"), text);
        assertNull(d.test);
        assertNull(d.train, "half of the provenance is not used silently");
    }

    private static Mlp tinyModel(Map<String, Object> provenance) {
        DenseLayer l = new DenseLayer(new double[][] {{1}, {-1}}, new double[] {0, 0}, Activation.IDENTITY);
        return new Mlp(List.of("a"), List.of("0", "1"), new InputScaler.Identity(), List.of(l), null, provenance);
    }
}
