package org.pmlp.eda.liberty;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs known defects of a library for mapping, in a copy: a cell described with a
 * {@code latch} group whose enable pin is a clock ({@code clock : true}) and whose outputs have
 * {@code rising_edge}/{@code falling_edge} timing arcs from it is an edge-triggered flip-flop
 * mislabelled (the public EGFET libraries describe DFFX1 so). Left alone, Yosys cannot map
 * registers onto it and falls back to the twice-as-large flip-flop with reset. The copy gets an
 * equivalent {@code ff} group; areas, leakage and everything else stay as they are.
 */
public final class LibertyRepair {
    private LibertyRepair() {
    }

    /** The repaired text and one note per repair (empty when nothing needed repair). */
    public record Result(String text, List<String> notes) {
        public boolean changed() {
            return !notes.isEmpty();
        }
    }

    public static Result repair(String text, String source) {
        LibertyGroup library = LibertyParser.parse(text, source);
        String[] lines = text.split("\n", -1);
        List<int[]> spans = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LibertyGroup cell : library.groups("cell")) {
            for (LibertyGroup latch : cell.groups("latch")) {
                String enable = latch.value("enable");
                String data = latch.value("data_in");
                if (enable == null || data == null || !isClockPin(cell, enable)) {
                    continue;
                }
                String edge = edgeFrom(cell, enable);
                if (edge == null) {
                    continue;
                }
                int[] span = span(lines, latch.line() - 1);
                if (span == null) {
                    continue;
                }
                String clockedOn = edge.equals("rising_edge") ? enable : "!" + enable;
                replacements.add("ff (" + String.join(",", latch.args()) + ") { clocked_on : \"" + clockedOn
                        + "\"; next_state : \"" + data + "\"; }");
                spans.add(span);
                notes.add(cell.name() + ": latch group with " + edge + " timing arcs from clock pin " + enable
                        + " mapped as an edge-triggered flip-flop");
            }
        }
        if (spans.isEmpty()) {
            return new Result(text, List.of());
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int k = 0; k < spans.size(); k++) {
            int[] s = spans.get(k);
            for (int i = next; i < s[0]; i++) {
                out.append(lines[i]).append('\n');
            }
            out.append(lines[s[0]], 0, s[1]).append(replacements.get(k)).append('\n');
            next = s[2] + 1;
        }
        for (int i = next; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Result(out.toString(), List.copyOf(notes));
    }

    private static boolean isClockPin(LibertyGroup cell, String pin) {
        for (LibertyGroup p : cell.groups("pin")) {
            if (p.args().contains(pin)) {
                return "true".equals(p.value("clock"));
            }
        }
        return false;
    }

    /** "rising_edge" or "falling_edge" when an output pin has such an arc from {@code pin}. */
    private static String edgeFrom(LibertyGroup cell, String pin) {
        for (LibertyGroup p : cell.groups("pin")) {
            if (!"output".equals(p.value("direction"))) {
                continue;
            }
            for (LibertyGroup t : p.groups("timing")) {
                String type = t.value("timing_type");
                if (pin.equals(t.value("related_pin")) && ("rising_edge".equals(type) || "falling_edge".equals(type))) {
                    return type;
                }
            }
        }
        return null;
    }

    /** {start line, column of "latch", end line} of the group starting on line {@code from}. */
    private static int[] span(String[] lines, int from) {
        int col = lines[from].indexOf("latch");
        if (col < 0) {
            return null;
        }
        int depth = 0;
        boolean opened = false;
        for (int i = from; i < lines.length; i++) {
            String l = lines[i];
            for (int c = i == from ? col : 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return c == l.length() - 1 || l.substring(c + 1).isBlank() ? new int[] {from, col, i} : null;
                    }
                }
            }
        }
        return null;
    }
}
