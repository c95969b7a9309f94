package org.pmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.testutil.Shared;

class CsvDatasetReaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, text);
        return p;
    }

    private CsvDataset read(String text) throws IOException {
        return CsvDatasetReader.read(file(text), CsvOptions.defaults());
    }

    @Test
    void commaWithHeaderAndIntegerLabels() throws IOException {
        CsvDataset d = read("a,b,label\n1,2,1\n3,4,0\n5,6,10\n");
        assertEquals(',', d.delimiter());
        assertTrue(d.hadHeader());
        assertEquals(List.of("a", "b"), d.dataset().featureNames());
        assertEquals(List.of("0", "1", "10"), d.dataset().classLabels(), "integer labels sort numerically");
        assertArrayEquals(new int[] {1, 0, 2}, d.dataset().y());
        assertArrayEquals(new double[] {5, 6}, d.dataset().row(2));
    }

    @Test
    void semicolonQuotedHeaderAndStringLabels() throws IOException {
        CsvDataset d = read("\"x 1\";\"x;2\";\"Y\"\n1.5;2;\"b\"\n3;4;\"a\"\n");
        assertEquals(';', d.delimiter());
        assertEquals(List.of("x 1", "x;2"), d.dataset().featureNames());
        assertEquals(List.of("a", "b"), d.dataset().classLabels());
        assertArrayEquals(new int[] {1, 0}, d.dataset().y());
    }

    @Test
    void noHeaderIsDetected() throws IOException {
        CsvDataset d = read("1,2,0\n3,4,1\n");
        assertEquals(false, d.hadHeader());
        assertEquals(2, d.dataset().rows());
    }

    @Test
    void labelColumnByNameOrIndex() throws IOException {
        Path p = file("y,a,b\n0,1,2\n1,3,4\n");
        CsvDataset byName = CsvDatasetReader.read(p, new CsvOptions("y", CsvOptions.Header.AUTO,
                CsvOptions.MissingValues.DROP, null));
        assertEquals(List.of("a", "b"), byName.dataset().featureNames());
        CsvDataset byIndex = CsvDatasetReader.read(p, new CsvOptions("0", CsvOptions.Header.AUTO,
                CsvOptions.MissingValues.DROP, null));
        assertArrayEquals(byName.dataset().y(), byIndex.dataset().y());
        UserError e = assertThrows(UserError.class, () -> CsvDatasetReader.read(p, new CsvOptions("z",
                CsvOptions.Header.AUTO, CsvOptions.MissingValues.DROP, null)));
        assertTrue(e.getMessage().contains("label column 'z' not found"), e.getMessage());
    }

    @Test
    void missingValuesAreDroppedAndCountedOrImputed() throws IOException {
        String text = "a,b,y\n1,,0\n2,?,1\n3,5,1\n5,7,0\n";
        CsvDataset dropped = read(text);
        assertEquals(2, dropped.droppedRows());
        assertEquals(2, dropped.dataset().rows());
        CsvDataset mean = CsvDatasetReader.read(file(text), new CsvOptions(null, CsvOptions.Header.AUTO,
                CsvOptions.MissingValues.MEAN, null));
        assertEquals(4, mean.dataset().rows());
        assertEquals(2, mean.imputedValues());
        assertEquals(6.0, mean.dataset().row(0)[1], 1e-12);
    }

    @Test
    void trailingSeparatorInHeaderIsIgnored() throws IOException {
        CsvDataset d = read("a;b;y;\n1;2;0\n3;4;1\n");
        assertEquals(List.of("a", "b"), d.dataset().featureNames());
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        UserError e = assertThrows(UserError.class, () -> read("a,b,y\n1,2,0\n1,2\n"));
        assertTrue(e.getMessage().contains("d.csv:3: has 2 fields, expected 3"), e.getMessage());
    }

    @Test
    void nonNumericFeatureNamesLineAndColumn() throws IOException {
        UserError e = assertThrows(UserError.class, () -> read("a,b,y\n1,2,0\n1,abc,1\n"));
        assertTrue(e.getMessage().contains("d.csv:3: column 'b' has value 'abc', expected a number"), e.getMessage());
    }

    @Test
    void testSetLabelOutsideTrainingClassesIsRejected() throws IOException {
        Path p = file("a,y\n1,0\n2,7\n");
        UserError e = assertThrows(UserError.class, () -> CsvDatasetReader.read(p,
                CsvOptions.defaults().withKnownClasses(List.of("0", "1"))));
        assertTrue(e.getMessage().contains(":3: label '7' is not one of the training classes"), e.getMessage());
    }

    @Test
    void emptyAndMissingFilesAreUserErrors() throws IOException {
        assertThrows(UserError.class, () -> read(""));
        assertThrows(UserError.class, () -> CsvDatasetReader.read(dir.resolve("nope.csv"), CsvOptions.defaults()));
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        double[][] x = new double[100][1];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 80 ? 0 : 1;
        }
        Dataset d = new Dataset(x, y, List.of("f"), List.of("0", "1"));
        StratifiedSplit.Parts p = StratifiedSplit.split(d, 0.3, 7);
        assertEquals(70, p.first().rows());
        assertArrayEquals(new int[] {24, 6}, p.second().classCounts());
        StratifiedSplit.Parts again = StratifiedSplit.split(d, 0.3, 7);
        assertArrayEquals(p.second().y(), again.second().y());
    }

    @Test
    void realUciFilesFromShared() {
        CsvDataset red = CsvDatasetReader.read(Shared.require("datasets/raw/wine-red.csv"), CsvOptions.defaults());
        assertEquals(';', red.delimiter());
        assertEquals(11, red.dataset().features());
        assertEquals(1599, red.dataset().rows());
        CsvDataset arr = CsvDatasetReader.read(Shared.require("datasets/raw/arrhythmia.csv"), CsvOptions.defaults());
        assertTrue(arr.droppedRows() > 0, "arrhythmia has rows with missing values");
        assertEquals(452, arr.dataset().rows() + arr.droppedRows());
        UserError e = assertThrows(UserError.class, () -> CsvDatasetReader.read(
                Shared.require("datasets/raw/dermatology_init.csv"), CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("expected 23"), e.getMessage());
        CsvDataset cardio = CsvDatasetReader.read(Shared.require("datasets/cardio/train.csv"), CsvOptions.defaults());
        assertEquals(1488, cardio.dataset().rows());
        assertEquals(21, cardio.dataset().features());
    }
}
