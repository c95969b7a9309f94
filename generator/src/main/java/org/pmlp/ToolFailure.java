package org.pmlp;

/**
 * An external tool (Yosys, Verilator, Icarus, make) failed, timed out or is missing. The
 * message carries the tool's own error text; the CLI exits with code 3.
 */
public class ToolFailure extends RuntimeException {
    public ToolFailure(String message) {
        super(message);
    }
}
