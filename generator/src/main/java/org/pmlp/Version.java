package org.pmlp;

/** The tool's version, written into generated files and reports. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
