package org.pmlp.ir;

/** An edge of the circuit graph; {@link #port()} orders a node's operands. */
public sealed interface Edge permits Connection, Wire {
    int port();
}
