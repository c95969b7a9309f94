package org.pmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;

/** CSV files as tools and people write them: pandas' numeric headers, Excel's BOM, gzip. */
class CsvInputsAsUsersHaveThemTest {
    @TempDir
    Path dir;

    private CsvDataset read(String text) throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return CsvDatasetReader.read(p, CsvOptions.defaults());
    }

    @Test
    void pandasNumericHeaderOverDecimalColumnsIsAHeader() throws IOException {
        CsvDataset d = read("0,1,2\n0.5,1.25,0\n0.75,2.5,1\n0.125,3.0,1\n");
        assertTrue(d.hadHeader());
        assertNotNull(d.numericHeader());
        assertEquals(List.of("0", "1"), d.dataset().classLabels(), "no bogus class '2' from the header");
        assertEquals(3, d.dataset().rows());
        assertEquals(List.of("0", "1"), d.dataset().featureNames());
    }

    @Test
    void pandasNumericHeaderOverIntegerDataIsFoundByItsLabel() throws IOException {
        CsvDataset d = read("0,1,2\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        assertTrue(d.hadHeader(), "'2' would be a class of one row where the real classes have two");
        assertEquals(List.of("0", "1"), d.dataset().classLabels());
        assertEquals(4, d.dataset().rows());
    }

    @Test
    void integerDataWithoutHeaderStaysData() throws IOException {
        CsvDataset d = read("1,2,0\n3,4,0\n5,6,1\n7,8,1\n");
        assertFalse(d.hadHeader());
        assertNull(d.numericHeader());
        assertEquals(4, d.dataset().rows());
        CsvDataset decimals = read("1.5,2,0\n3.5,4,0\n5.5,6,1\n");
        assertFalse(decimals.hadHeader(), "a row with decimals is data");
    }

    @Test
    void headerNoKeepsANumericFirstRowAsData() throws IOException {
        Path p = dir.resolve("n.csv");
        Files.writeString(p, "0,1,2\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        CsvDataset d = CsvDatasetReader.read(p, new CsvOptions(null, CsvOptions.Header.NO, CsvOptions.MissingValues.DROP,
                null));
        assertEquals(5, d.dataset().rows());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path p = dir.resolve("bom.csv");
        Files.writeString(p, "\uFEFFlabel,a,b\n0,1,2\n1,3,4\n", StandardCharsets.UTF_8);
        CsvDataset d = CsvDatasetReader.read(p, new CsvOptions("label", CsvOptions.Header.AUTO,
                CsvOptions.MissingValues.DROP, null));
        assertEquals(List.of("a", "b"), d.dataset().featureNames());
        assertEquals(List.of("0", "1"), d.dataset().classLabels());
        CsvDataset noHeader = read("\uFEFF1,2,0\n3,4,1\n");
        assertEquals(2, noHeader.dataset().rows(), "a BOM before a number is not a header");
    }

    @Test
    void gzipFilesAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("a,b,y\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path p = dir.resolve("d.csv.gz");
        Files.write(p, bytes.toByteArray());
        CsvDataset d = CsvDatasetReader.read(p, CsvOptions.defaults());
        assertEquals(2, d.dataset().rows());
        assertEquals(List.of("a", "b"), d.dataset().featureNames());
    }

    @Test
    void headerOnlyFileSaysSoPlainly() throws IOException {
        UserError e = assertThrows(UserError.class, () -> read("f0,f1,label\n"));
        assertTrue(e.getMessage().contains("only a header row (f0,f1,label) and no data rows"), e.getMessage());
        assertFalse(e.getMessage().contains("expected a number"), e.getMessage());
    }

    @Test
    void binaryOrOtherEncodingsArePlainErrors() throws IOException {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, new byte[] {'a', ',', 'y', '\n', (byte) 0xe9, ',', '1', '\n'});
        UserError e = assertThrows(UserError.class, () -> CsvDatasetReader.read(p, CsvOptions.defaults()));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
        Path broken = dir.resolve("broken.csv.gz");
        Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        UserError g = assertThrows(UserError.class, () -> CsvDatasetReader.read(broken, CsvOptions.defaults()));
        assertTrue(g.getMessage().contains("broken.csv.gz"), g.getMessage());
    }
}
