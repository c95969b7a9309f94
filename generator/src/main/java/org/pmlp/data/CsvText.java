package org.pmlp.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.pmlp.UserError;

/**
 * The text of a data file as a user has it: plain or gzip-compressed (recognized by its magic
 * bytes, e.g. {@code .csv.gz}), UTF-8, with a byte-order mark (as Excel writes it) removed.
 */
final class CsvText {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final char BYTE_ORDER_MARK = 0xFEFF;

    private CsvText() {
    }

    static String read(Path file) {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (ZipException | java.io.EOFException e) {
            throw new UserError(file + ": is a damaged gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": is not UTF-8 text (a binary file, or another encoding: save it as UTF-8 CSV)");
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder, expected a CSV file");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2 ? new GZIPInputStream(in) : in;
    }
}
