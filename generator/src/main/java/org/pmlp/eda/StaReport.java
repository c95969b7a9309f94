package org.pmlp.eda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmlp.ToolFailure;

/**
 * What OpenSTA printed for flows/sta.tcl: the clock period, the worst path's start and end
 * points and slack (report_checks -format full, times in ms), and report_power's leakage.
 *
 * @param periodMs       the clock period the design was timed at
 * @param criticalPathMs the shortest period the worst path allows (period minus slack: the
 *                       arrival time plus any setup time), NaN when there is no timed path
 * @param start          the worst path's start point (an input port or a flip-flop clock pin), null without a path
 * @param end            the worst path's end point, null without a path
 * @param leakageMw      report_power's total leakage, NaN when absent
 */
public record StaReport(double periodMs, double criticalPathMs, String start, String end, double leakageMw) {
    private static final Pattern PERIOD = Pattern.compile("pmlp-sta clock_hz \\S+ period_ms (\\S+)");
    private static final Pattern START = Pattern.compile("(?m)^Startpoint: (\\S+)");
    private static final Pattern END = Pattern.compile("(?m)^Endpoint: (\\S+)");
    private static final Pattern SLACK = Pattern.compile("(?m)^\\s*(-?[0-9.]+(?:e[-+]?\\d+)?)\\s+slack\\b");
    private static final Pattern TOTAL = Pattern.compile(
            "(?m)^Total\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");

    /** True when OpenSTA found a path to time (a constant design has none). */
    public boolean hasPath() {
        return !Double.isNaN(criticalPathMs);
    }

    /** Whether the worst path fits in the period (always true without a path). */
    public boolean met() {
        return !hasPath() || criticalPathMs <= periodMs;
    }

    /** The fastest clock the worst path allows, Hz (infinite without a path). */
    public double maxClockHz() {
        return hasPath() && criticalPathMs > 0 ? 1000.0 / criticalPathMs : Double.POSITIVE_INFINITY;
    }

    public static StaReport parse(String text) {
        Matcher p = PERIOD.matcher(text);
        if (!p.find()) {
            throw new ToolFailure("OpenSTA did not run flows/sta.tcl to its report (no \"pmlp-sta\" line):\n"
                    + ToolRunner.tail(text, 15));
        }
        double period = Double.parseDouble(p.group(1));
        double leakage = Double.NaN;
        Matcher t = TOTAL.matcher(text);
        if (t.find()) {
            leakage = Double.parseDouble(t.group(3)) * 1000;
        }
        // One path per path group (the clock's, and the register inputs' set_max_delay): the worst is
        // the one with the least slack.
        Matcher s = START.matcher(text);
        double bestSlack = Double.POSITIVE_INFINITY;
        String start = null;
        String end = null;
        while (s.find()) {
            int from = s.start();
            int next = text.indexOf("\nStartpoint: ", s.end());
            String block = text.substring(from, next < 0 ? text.length() : next + 1);
            Matcher e = END.matcher(block);
            Matcher sl = SLACK.matcher(block);
            if (!e.find() || !sl.find()) {
                throw new ToolFailure("OpenSTA printed a path without an end point or slack:\n" + ToolRunner.tail(block, 15));
            }
            double slack = Double.parseDouble(sl.group(1));
            if (slack < bestSlack) {
                bestSlack = slack;
                start = s.group(1);
                end = e.group(1);
            }
        }
        if (start == null) {
            if (text.contains("No paths found")) {
                return new StaReport(period, Double.NaN, null, null, leakage);
            }
            throw new ToolFailure("OpenSTA printed no worst path and no \"No paths found\":\n" + ToolRunner.tail(text, 15));
        }
        return new StaReport(period, period - bestSlack, start, end, leakage);
    }
}
