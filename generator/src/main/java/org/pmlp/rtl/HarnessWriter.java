package org.pmlp.rtl;

import org.pmlp.util.Files2;

/** Renders the Verilator harness template for a design's input port width. */
public final class HarnessWriter {
    private HarnessWriter() {
    }

    /** For a design with registered inputs and outputs. */
    public static String render(PortMap ports) {
        return render(ports, Registers.BOTH);
    }

    public static String render(PortMap ports, Registers registers) {
        int bits = Math.max(1, ports.width());
        int words = (bits + 31) / 32;
        String set;
        if (bits <= 32) {
            set = "    top->x = w[0];";
        } else if (bits <= 64) {
            set = "    top->x = (static_cast<uint64_t>(w[1]) << 32) | w[0];";
        } else {
            set = "    for (int i = 0; i < kInputWords; ++i) top->x[i] = w[i];";
        }
        return Files2.resource("rtl-templates/harness.cpp")
                .replace("@INPUT_BITS@", Integer.toString(bits))
                .replace("@INPUT_WORDS@", Integer.toString(words))
                .replace("@SET_INPUT@", set)
                .replace("@STAGES@", Integer.toString(registers.stages()));
    }
}
