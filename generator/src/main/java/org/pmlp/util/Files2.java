package org.pmlp.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import org.pmlp.UserError;

/**
 * File helpers: atomic writes and folders that appear only when complete. Temporary files and
 * folders are made here rather than with {@code Files.createTemp*}, which gives them mode 0600 /
 * 0700 whatever the umask: these become the user's outputs, so they get the modes any other
 * file would (0666 / 0777 less the umask).
 */
public final class Files2 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Files2() {
    }

    /** Writes to a sibling temporary file, then renames it over the target. */
    public static void writeAtomically(Path file, String text) {
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = createSiblingFile(parent, "." + file.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, file);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the name is hidden and ends in .tmp
                }
            }
            throw new UserError(file + ": cannot be written: " + e.getMessage());
        }
    }

    /**
     * A new empty folder {@code parent/prefix<random>}, created with the umask's mode (unlike
     * {@code Files.createTempDirectory}, which forces 0700).
     */
    public static Path createUniqueFolder(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A new empty file {@code parent/prefix<random>suffix}, created with the umask's mode. */
    static Path createSiblingFile(Path parent, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text resource shipped inside the jar under {@code pmlp/}. */
    public static String resource(String name) {
        try (InputStream in = Files2.class.getResourceAsStream("/pmlp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource pmlp/" + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
