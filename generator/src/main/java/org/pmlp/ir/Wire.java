package org.pmlp.ir;

/** A plain operand edge: a sum into its activation, an output activation into the argmax. */
public final class Wire implements Edge {
    private final int port;

    Wire(int port) {
        this.port = port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "wire" + port;
    }
}
