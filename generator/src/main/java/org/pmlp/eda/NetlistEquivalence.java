package org.pmlp.eda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmlp.ToolFailure;

/**
 * Proves a design folder's synthesized netlist ({@code synth/netlist.v}, its cells read from
 * {@code synth/cells.lib}) equivalent to its RTL ({@code rtl/top.v}) for every input sequence,
 * through the folder's {@code make equiv} (flows/equiv.ys writes both as BLIF): ABC's
 * combinational check ({@code cec}) with the registers matched by name, and where that does not
 * prove them equal (always for registered designs: the library's flip-flops are not named as
 * the RTL's registers), its sequential equivalence check ({@code dsec}), each within the bound.
 * Test vectors sample the behaviour; this covers all of it.
 * A proof that does not finish within its bound is reported as {@link Status#TIMEOUT}, never as
 * a pass.
 */
public final class NetlistEquivalence {
    /** Default bound of a proof in seconds (exact cardio takes about 1 s). */
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;

    /** Checks a proof may run in turn, each within the bound: cec, then dsec when cec does not prove it. */
    public static final int CHECKS = 2;

    /** The verdict. */
    public enum Status {
        /** ABC proved the two equivalent. */
        PROVED,
        /** ABC found them different (a counterexample exists). */
        FAILED,
        /** Not decided within the bound: ABC's time or resource limit, or the hard timeout. */
        TIMEOUT;

        /** As written in report.json. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Verdict, seconds of the whole step (BLIF writing and proof), and ABC's verdict line. */
    public record Result(Status status, double seconds, String message) {
        public boolean proved() {
            return status == Status.PROVED;
        }
    }

    private static final Pattern VERDICT = Pattern.compile("(?im)^.*networks are (not equivalent|undecided|equivalent).*$");

    private NetlistEquivalence() {
    }

    /**
     * @param designFolder a design folder after synthesis (synth/netlist.v and synth/cells.lib)
     * @param timeoutSeconds bound of each step: the Yosys run writing the BLIF files, and the proof
     */
    public static Result prove(Path designFolder, long timeoutSeconds) {
        for (String needed : new String[] {"rtl/top.v", "synth/netlist.v", "synth/cells.lib"}) {
            if (!Files.exists(designFolder.resolve(needed))) {
                throw new ToolFailure("cannot prove the netlist equivalent: " + designFolder.resolve(needed)
                        + " is missing (synthesize first)");
            }
        }
        // -o: take the netlist as it is, never re-synthesize it here.
        return runTarget(designFolder, List.of("-o", "synth/netlist.v", "equiv"), timeoutSeconds);
    }

    /**
     * The verdict of a proof that already ran in the folder (its {@code make equiv}, as part of a
     * verification job's {@code make all}), read from {@code equiv/abc.log} and the exit status
     * the rule leaves in {@code equiv/abc.status}; nothing is rerun. A proof killed by its bound
     * is {@link Status#TIMEOUT}; one that never reached ABC, or ended without a verdict, is a tool
     * failure, as when run here. Seconds: from the netlist to the end of the proof, by the files' times.
     */
    public static Result readFinished(Path designFolder, long timeoutSeconds) {
        Path log = designFolder.resolve("equiv/abc.log");
        Path status = designFolder.resolve("equiv/abc.status");
        if (!Files.exists(log) || !Files.exists(status)) {
            throw new ToolFailure("the equivalence check (make equiv) did not run to its end in " + designFolder
                    + " (no equiv/abc.log or equiv/abc.status)" + yosysTail(designFolder));
        }
        try {
            String text = Files.readString(log);
            int exit = Integer.parseInt(Files.readString(status).strip());
            double seconds = Math.max(0, (Files.getLastModifiedTime(status).toMillis()
                    - Files.getLastModifiedTime(designFolder.resolve("synth/netlist.v")).toMillis()) / 1000.0);
            // 124: timeout(1) stopped ABC at PROVE_TIMEOUT; 137: it was killed.
            if ((exit == 124 || exit == 137) && !VERDICT.matcher(text).find()) {
                return new Result(Status.TIMEOUT, seconds, "not decided within " + timeoutSeconds + " s");
            }
            return interpret(new ToolRunner.Result(exit, text, seconds), timeoutSeconds);
        } catch (java.io.IOException | NumberFormatException e) {
            throw new ToolFailure(designFolder + ": cannot read the equivalence check's result: " + e.getMessage());
        }
    }

    private static String yosysTail(Path designFolder) {
        try {
            Path y = designFolder.resolve("equiv/yosys.log");
            return Files.exists(y) ? "\nlast lines of equiv/yosys.log:\n" + ToolRunner.tail(Files.readString(y), 15) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Tries to prove the generated RTL ({@code rtl/top.v}) equal to the behavioural reference
     * ({@code rtl/reference.v}: sums as {@code +} and {@code *} of constants) with the same check,
     * through {@code make reference}. Harder than the netlist proof (multipliers against bit
     * heaps): on all but small designs expect {@link Status#TIMEOUT}.
     */
    public static Result proveReference(Path designFolder, long timeoutSeconds) {
        if (!Files.exists(designFolder.resolve("rtl/reference.v"))) {
            throw new ToolFailure(designFolder.resolve("rtl/reference.v") + " is missing (regenerate the design)");
        }
        return runTarget(designFolder, List.of("reference"), timeoutSeconds);
    }

    private static Result runTarget(Path designFolder, List<String> target, long timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("make", "--no-print-directory", "-C",
                designFolder.toString()));
        cmd.addAll(target);
        cmd.add("TIMEOUT=" + timeoutSeconds);
        cmd.add("PROVE_TIMEOUT=" + timeoutSeconds);
        ToolRunner.Result r;
        try {
            // the BLIF writing and each check have the bound
            long bound = (1 + CHECKS) * timeoutSeconds;
            r = ToolRunner.runAllowingFailure(cmd, null, bound);
        } catch (ToolRunner.TimedOut e) {
            return new Result(Status.TIMEOUT, (1 + CHECKS) * (double) timeoutSeconds, "not decided within "
                    + timeoutSeconds + " s");
        }
        return interpret(r, timeoutSeconds);
    }

    /** Reads the verdict from what {@code make equiv} printed. */
    static Result interpret(ToolRunner.Result r, long timeoutSeconds) {
        Matcher m = VERDICT.matcher(r.output());
        if (m.find()) {
            String line = m.group().strip();
            String verdict = m.group(1).toLowerCase(Locale.ROOT);
            Status s = switch (verdict) {
                case "equivalent" -> Status.PROVED;
                case "not equivalent" -> Status.FAILED;
                default -> Status.TIMEOUT;
            };
            if (s == Status.PROVED && r.exitCode() != 0) {
                throw new ToolFailure("the equivalence check said equivalent but failed (exit code " + r.exitCode()
                        + "):\n" + ToolRunner.tail(r.output(), 20));
            }
            return new Result(s, r.seconds(), line);
        }
        if (ToolRunner.timedOut(r)) {
            return new Result(Status.TIMEOUT, r.seconds(), "not decided within " + timeoutSeconds + " s");
        }
        throw new ToolFailure("the equivalence check (make equiv: Yosys flows/equiv.ys, then yosys-abc cec and dsec) gave no"
                + " verdict (exit code " + r.exitCode() + "):\n" + ToolRunner.tail(r.output(), 20));
    }
}
