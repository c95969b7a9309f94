package org.pmlp.eda.liberty;

import org.pmlp.UserError;
import org.pmlp.eda.liberty.LibertyToken.Kind;

/**
 * Splits Liberty text into tokens. Skips {@code /* *}{@code /} and {@code //} comments and
 * backslash-newline continuations (which do not count as a line end for the missing-';' rule).
 */
final class LibertyLexer {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;
    private boolean lineStart = true;

    LibertyLexer(String text, String source) {
        this.text = text;
        this.source = source;
    }

    LibertyToken next() {
        skipBlanks();
        boolean startsLine = lineStart;
        lineStart = false;
        if (pos >= text.length()) {
            return new LibertyToken(Kind.EOF, "", line, true);
        }
        char c = text.charAt(pos);
        Kind punct = switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case ':' -> Kind.COLON;
            case ';' -> Kind.SEMI;
            case ',' -> Kind.COMMA;
            default -> null;
        };
        if (punct != null) {
            pos++;
            return new LibertyToken(punct, String.valueOf(c), line, startsLine);
        }
        if (c == '"') {
            return string(startsLine);
        }
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos)) && !text.startsWith("/*", pos)) {
            pos++;
        }
        return new LibertyToken(Kind.WORD, text.substring(start, pos), line, startsLine);
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && "(){}:;,\"".indexOf(c) < 0;
    }

    private LibertyToken string(boolean startsLine) {
        int startLine = line;
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (true) {
            if (pos >= text.length()) {
                throw new UserError(source + ":" + startLine + ": expected closing '\"' of the string, got end of file");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return new LibertyToken(Kind.STRING, sb.toString(), startLine, startsLine);
            }
            if (c == '\\') {
                int after = continuationEnd(pos);
                if (after >= 0) { // a continuation inside a string joins the lines
                    pos = after;
                    line++;
                    continue;
                }
                if (pos + 1 < text.length()) {
                    sb.append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
            }
            sb.append(c);
            pos++;
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = true;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\\' && continuationEnd(pos) >= 0) {
                pos = continuationEnd(pos);
                line++;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new UserError(source + ":" + line + ": expected '*/' closing the comment, got end of file");
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = true;
                    }
                }
                pos = end + 2;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** If a backslash at {@code at} is followed only by blanks up to a newline, the index after that newline; else -1. */
    private int continuationEnd(int at) {
        int i = at + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '\n' ? i + 1 : -1;
    }
}
