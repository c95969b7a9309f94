package org.pmlp.eda.netlist;

/** One lexical token of structural Verilog. */
record VerilogToken(Kind kind, String text, int line) {

    enum Kind { IDENT, NUMBER, SYMBOL, EOF }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
    }

    String describe() {
        return kind == Kind.EOF ? "end of file" : "'" + text + "'";
    }
}
