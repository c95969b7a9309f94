package org.pmlp.cli;

import java.util.List;
import org.pmlp.UserError;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Refuses options given where they would change nothing, so that no option is ever accepted and
 * silently ignored (a user who types --clock-hz expects it to matter).
 */
final class OptionUse {
    private OptionUse() {
    }

    /** The options among {@code names} the user gave on the command line. */
    static List<String> given(CommandSpec spec, String... names) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return List.of();
        }
        return java.util.Arrays.stream(names).filter(parsed::hasMatchedOption).toList();
    }

    /** Fails when any of {@code names} was given, saying {@code why} they do not apply. */
    static void rejectGiven(CommandSpec spec, String why, String... names) {
        List<String> bad = given(spec, names);
        if (!bad.isEmpty()) {
            throw new UserError(String.join(", ", bad) + (bad.size() == 1 ? " does" : " do") + " not apply: " + why);
        }
    }

    /** Refuses, before any work, an output path that is an existing folder (it would fail only at the end). */
    static void requireFileTarget(String name, java.nio.file.Path path) {
        if (path != null && java.nio.file.Files.isDirectory(path)) {
            throw new UserError(name + " " + path + ": is a folder, expected a file to write");
        }
    }

    /** Refuses, before any work, a folder path that is an existing file. */
    static void requireFolderTarget(String name, java.nio.file.Path path) {
        if (path != null && java.nio.file.Files.exists(path) && !java.nio.file.Files.isDirectory(path)) {
            throw new UserError(name + " " + path + ": is a file, expected a folder");
        }
    }

    static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new UserError(name + " must be at least 1, got " + value);
        }
    }
}
