package org.pmlp.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pmlp.Version;
import org.pmlp.model.ModelJson;
import org.pmlp.rtl.HarnessWriter;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.rtl.VerilogEmitter;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Writes a compiled design into a design folder: the RTL, the Verilator harness, the test
 * vectors with the golden answers, the configuration and model, the flows and a Makefile, so
 * that {@code make sim} and {@code make synth} work in the folder without Java.
 */
public final class DesignWriter {
    /** The project's default cell library, shipped in the jar. */
    public static final String DEFAULT_LIBERTY = "pdk/egfet_1v0.lib";

    private DesignWriter() {
    }

    /**
     * @param liberty the cell library for synthesis, or null for the project's default (copied
     *     into the folder)
     */
    public static RtlDesign write(CompiledDesign d, TestVectors vectors, Path folder, Path liberty, HeapStyle style,
                                  double floatAccuracy) {
        DesignFolder f = new DesignFolder(folder);
        String header = "pmlp " + Version.VERSION + ": bespoke MLP classifier " + d.circuit().topology()
                + ", classes " + d.circuit().classLabels() + "\n"
                + "Generated from the model and configuration in this folder (model.json, config.json); do not edit.";
        Registers registers = d.config().registers();
        RtlDesign rtl = VerilogEmitter.emit(d.circuit(), style, registers, header);
        Files2.write(f.verilog(), rtl.verilog());
        Files2.write(f.dir().resolve("rtl/reference.v"),
                org.pmlp.rtl.ReferenceVerilog.emit(d.circuit(), rtl.ports(), registers));
        Files2.write(f.harness(), HarnessWriter.render(rtl.ports(), registers));
        StringBuilder hex = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        StringBuilder csv = new StringBuilder();
        int n = d.circuit().inputs().size();
        for (int i = 0; i < n; i++) {
            csv.append('q').append(i).append(',');
        }
        csv.append("label,golden\n");
        for (int v = 0; v < vectors.size(); v++) {
            hex.append(rtl.ports().hex(vectors.q()[v])).append('\n');
            expected.append(vectors.golden()[v]).append('\n');
            for (int i = 0; i < n; i++) {
                csv.append(vectors.q()[v][i]).append(',');
            }
            csv.append(vectors.labels()[v]).append(',').append(vectors.golden()[v]).append('\n');
        }
        Files2.write(f.vectorsHex(), hex.toString());
        Files2.write(f.expected(), expected.toString());
        Files2.write(f.vectorsCsv(), csv.toString());
        Files2.write(f.config(), Json.write(d.config().toJson()));
        Files2.write(f.model(), Json.write(ModelJson.toJson(d.model())));
        for (String flow : new String[] {"design.mk", "synth.ys", "abc.script", "equiv.ys", "equiv_wrap.v", "reference.ys", "sta.tcl"}) {
            Files2.write(folder.resolve("flows").resolve(flow), Files2.resource("flows/" + flow));
        }
        String lib;
        String makeLib;
        if (liberty == null) {
            Files2.write(folder.resolve(DEFAULT_LIBERTY), Files2.resource(DEFAULT_LIBERTY));
            lib = DEFAULT_LIBERTY;
            makeLib = lib;
        } else {
            lib = liberty.toAbsolutePath().normalize().toString();
            makeLib = org.pmlp.eda.MakeSafe.isSafe(lib) ? lib : linkLiberty(folder, lib);
        }
        Files2.write(folder.resolve("Makefile"), "# pmlp design folder: " + d.circuit().topology()
                + ". Targets: sim, synth, equiv, sta, power, all, reference, lint, clean (see flows/design.mk).\n"
                + "LIBERTY ?= " + makeLib + "\n"
                + "# Widths of the ports x and y (for the equivalence proofs, make equiv and make reference).\n"
                + "X_BITS = " + Math.max(1, rtl.ports().width()) + "\nY_BITS = " + rtl.outputBits() + "\n"
                + "# Registered ports: none (combinational, no clock), inputs, outputs or both.\n"
                + "REGISTERS = " + registers.label() + "\n"
                + "include flows/design.mk\n");
        ObjectNode meta = Json.object();
        meta.put("pmlp", Version.VERSION);
        meta.put("topology", d.circuit().topology());
        meta.putPOJO("classes", d.circuit().classLabels());
        meta.put("input_port_bits", rtl.ports().width());
        var ports = meta.putArray("ports");
        for (var b : rtl.ports().bits()) {
            ports.addArray().add(b.feature()).add(b.bit());
        }
        meta.put("features_used", rtl.ports().featuresUsed());
        meta.put("output_bits", rtl.outputBits());
        meta.put("rtl_gates", rtl.gates());
        meta.put("heap_style", style.name().toLowerCase());
        meta.put("registers", registers.label());
        meta.put("test_vectors", vectors.size());
        meta.put("labelled_vectors", vectors.labelled());
        putNumber(meta, "accuracy_float", floatAccuracy);
        putNumber(meta, "accuracy_golden", goldenAccuracy(vectors));
        meta.put("liberty", lib);
        Files2.write(f.design(), Json.write(meta));
        return rtl;
    }

    /** Where a folder links a liberty file whose path Make cannot take (spaces, quotes, `$`...). */
    public static final String LINKED_LIBERTY = "pdk/liberty.lib";

    /**
     * Links the library into the folder under a plain name, so the Makefile (and the shell
     * running its recipes) never sees the user's path.
     */
    private static String linkLiberty(Path folder, String absolute) {
        Path link = folder.resolve(LINKED_LIBERTY);
        try {
            java.nio.file.Files.createDirectories(link.getParent());
            java.nio.file.Files.deleteIfExists(link);
            java.nio.file.Files.createSymbolicLink(link, Path.of(absolute));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            throw new org.pmlp.UserError(absolute + ": cannot link the liberty file into " + folder + " ("
                    + e.getMessage() + "); give a path of letters, digits and . _ - / + only");
        }
        return LINKED_LIBERTY;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** The port map recorded in a design folder's design.json. */
    public static org.pmlp.rtl.PortMap readPorts(DesignFolder f) {
        var in = Json.read(f.design()).get("ports");
        java.util.List<org.pmlp.rtl.PortMap.Bit> bits = new java.util.ArrayList<>();
        for (Json.In b : in.items()) {
            bits.add(new org.pmlp.rtl.PortMap.Bit(b.at(0).integer(), b.at(1).integer()));
        }
        return new org.pmlp.rtl.PortMap(java.util.List.copyOf(bits));
    }

    /** The register placement recorded in a design folder's design.json (both when absent: older folders). */
    public static Registers readRegisters(DesignFolder f) {
        var root = Json.read(f.design());
        return root.has("registers") ? Registers.parse(root.get("registers").text(), f.design() + ": registers")
                : Registers.BOTH;
    }

    /** Share of labelled vectors the golden model classifies correctly (NaN when none). */
    public static double goldenAccuracy(TestVectors v) {
        int ok = 0;
        int n = 0;
        for (int i = 0; i < v.size(); i++) {
            if (v.labels()[i] >= 0) {
                n++;
                if (v.golden()[i] == v.labels()[i]) {
                    ok++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) ok / n;
    }
}
