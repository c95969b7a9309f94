package org.pmlp.eda.netlist;

import org.pmlp.UserError;
import org.pmlp.eda.netlist.VerilogToken.Kind;

/**
 * Tokens of the Verilog subset Yosys writes for a mapped netlist: identifiers (escaped ones lose
 * their backslash, as the language defines), sized constants like {@code 4'hf}, and punctuation.
 * Skips comments and {@code (* attributes *)}.
 */
final class VerilogLexer {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    VerilogLexer(String text, String source) {
        this.text = text;
        this.source = source;
    }

    VerilogToken next() {
        skipBlanks();
        if (pos >= text.length()) {
            return new VerilogToken(Kind.EOF, "", line);
        }
        char c = text.charAt(pos);
        int start = pos;
        if (c == '\\') { // escaped identifier: up to white space
            pos++;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == start + 1) {
                throw new UserError(source + ":" + line + ": expected an escaped identifier after '\\', got white space");
            }
            return new VerilogToken(Kind.IDENT, text.substring(start + 1, pos), line);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$')) {
                pos++;
            }
            return new VerilogToken(Kind.IDENT, text.substring(start, pos), line);
        }
        if (Character.isDigit(c) || c == '\'') {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\'') { // based constant: 'h, 'sb, ...
                pos++;
                if (pos < text.length() && (text.charAt(pos) == 's' || text.charAt(pos) == 'S')) {
                    pos++;
                }
                pos++; // base letter, checked by the parser
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                        || text.charAt(pos) == '?')) {
                    pos++;
                }
            }
            return new VerilogToken(Kind.NUMBER, text.substring(start, Math.min(pos, text.length())), line);
        }
        pos++;
        return new VerilogToken(Kind.SYMBOL, String.valueOf(c), line);
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                skipUntil("*/");
            } else if (text.startsWith("(*", pos) && !text.startsWith("(*)", pos)) {
                skipUntil("*)");
            } else {
                return;
            }
        }
    }

    private void skipUntil(String end) {
        int startLine = line;
        int close = text.indexOf(end, pos + 2);
        if (close < 0) {
            throw new UserError(source + ":" + startLine + ": expected '" + end + "', got end of file");
        }
        for (int i = pos; i < close; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        pos = close + end.length();
    }
}
