package org.pmlp.eda;

/**
 * Which paths may be written into a Makefile as they are: Make splits targets at spaces, reads
 * `$`, `:`, `#` and `%` itself, and its recipes run in a shell, so only a plain set is safe.
 */
public final class MakeSafe {
    private MakeSafe() {
    }

    public static boolean isSafe(String path) {
        return !path.isEmpty() && path.chars().allMatch(MakeSafe::plain);
    }

    private static boolean plain(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._-/+".indexOf(c) >= 0;
    }
}
