package org.pmlp.eda.liberty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pmlp.UserError;

/**
 * A family of cell libraries, one per supply voltage, in one folder (as the public EGFET PDK
 * ships 0.6-2.0 V): the same cells characterized at each voltage. A file's voltage is its
 * {@code nom_voltage} (else its {@code voltage_map} or operating conditions), else a number
 * followed by V in its name ({@code ..._0.6V_...}).
 */
public record LibertyFamily(Path dir, List<Member> members) {
    /** One library of the family. */
    public record Member(double volts, Path file) {
        /** The voltage as written in reports, e.g. "0.6". */
        public String label() {
            return label(volts);
        }

        public static String label(double v) {
            String s = String.format(Locale.ROOT, "%.3f", v);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s + "0" : s;
        }
    }

    private static final Pattern NAME_VOLTS = Pattern.compile("(\\d+(?:[.p]\\d+)?)V", Pattern.CASE_INSENSITIVE);

    /** Reads every *.lib in {@code dir}; two files of one voltage or none at all is a user error. */
    public static LibertyFamily read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": --liberty-dir expects a folder of liberty files, one per voltage");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".lib") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list the folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserError(dir + ": no .lib files (expected one liberty file per supply voltage)");
        }
        List<Member> members = new ArrayList<>();
        for (Path f : files) {
            double v = volts(f, CellLibrary.read(f).units().supplyVolts());
            for (Member m : members) {
                if (Math.abs(m.volts() - v) < 1e-9) {
                    throw new UserError(f + ": a second library for " + Member.label(v) + " V (also " + m.file()
                            + "); keep one file per voltage in " + dir);
                }
            }
            members.add(new Member(v, f));
        }
        members.sort(Comparator.comparingDouble(Member::volts));
        return new LibertyFamily(dir, List.copyOf(members));
    }

    /** The voltage of a library: {@code declared} when stated in the file, else from the file name. */
    static double volts(Path file, double declared) {
        if (declared > 0) {
            return declared;
        }
        Matcher m = NAME_VOLTS.matcher(file.getFileName().toString());
        if (m.find()) {
            return Double.parseDouble(m.group(1).replace('p', '.'));
        }
        throw new UserError(file + ": cannot tell its supply voltage (no nom_voltage, voltage_map or operating "
                + "conditions voltage, and no voltage like 0.6V in the file name)");
    }

    /** The library for {@code volts}; exit 2 naming the voltages found when there is none. */
    public Member at(double volts) {
        return at(volts, "--vdd");
    }

    /** As {@link #at(double)}, naming {@code option} in the error. */
    public Member at(double volts, String option) {
        for (Member m : members) {
            if (Math.abs(m.volts() - volts) < 1e-6) {
                return m;
            }
        }
        throw new UserError(option + " " + Member.label(volts) + ": no library for that voltage in " + dir
                + "; voltages found: " + voltages());
    }

    /** The voltages, e.g. "0.6, 0.8, 1.0 V". */
    public String voltages() {
        return members.stream().map(Member::label).collect(Collectors.joining(", ")) + " V";
    }
}
