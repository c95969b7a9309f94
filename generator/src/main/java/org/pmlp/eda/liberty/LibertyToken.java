package org.pmlp.eda.liberty;

/** One lexical token of a Liberty file; {@code startsLine} lets the parser accept a missing ';' at line end. */
record LibertyToken(Kind kind, String text, int line, boolean startsLine) {

    enum Kind { WORD, STRING, LPAREN, RPAREN, LBRACE, RBRACE, COLON, SEMI, COMMA, EOF }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
