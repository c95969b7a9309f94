package org.pmlp.eda.liberty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.LibertyToken.Kind;

/**
 * Parses Liberty syntax into a {@link LibertyGroup} tree, without interpreting it. The
 * semicolon after an attribute may be missing at the end of a line, as in some vendor files.
 */
public final class LibertyParser {
    private final LibertyLexer lexer;
    private final String source;
    private LibertyToken token;

    private LibertyParser(String text, String source) {
        this.lexer = new LibertyLexer(text, source);
        this.source = source;
        this.token = lexer.next();
    }

    /** Reads the file's top-level group (normally {@code library}). */
    public static LibertyGroup read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1); // Liberty is ASCII; never fail on stray bytes
        } catch (IOException e) {
            throw new UserError("cannot read liberty file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses text; {@code source} names it in error messages. */
    public static LibertyGroup parse(String text, String source) {
        LibertyParser p = new LibertyParser(text, source);
        LibertyGroup root = new LibertyGroup("", List.of(), 1);
        while (p.token.kind() != Kind.EOF) {
            p.statement(root);
        }
        List<LibertyGroup> top = root.groups();
        if (top.isEmpty()) {
            throw new UserError(source + ":1: expected a group such as 'library (name) { ... }', got "
                    + (root.attributes().isEmpty() ? "end of file" : "only attributes"));
        }
        return top.get(0);
    }

    private void statement(LibertyGroup parent) {
        if (token.kind() == Kind.SEMI) { // a stray ';' (e.g. after '}') is harmless
            advance();
            return;
        }
        LibertyToken name = expect(Kind.WORD, "an attribute or group name");
        if (token.kind() == Kind.COLON) {
            advance();
            parent.add(new LibertyAttribute(name.text(), List.of(simpleValue()), false, name.line()));
            endOfStatement();
        } else if (token.kind() == Kind.LPAREN) {
            advance();
            List<String> args = arguments();
            if (token.kind() == Kind.LBRACE) {
                advance();
                LibertyGroup group = new LibertyGroup(name.text(), args, name.line());
                while (token.kind() != Kind.RBRACE) {
                    if (token.kind() == Kind.EOF) {
                        throw error("'}' closing group " + name.text() + " opened at line " + name.line());
                    }
                    statement(group);
                }
                advance();
                parent.add(group);
            } else {
                parent.add(new LibertyAttribute(name.text(), args, true, name.line()));
                endOfStatement();
            }
        } else {
            throw error("':' or '(' after " + name.describe());
        }
    }

    /** Words up to ';' or line end, joined by a space (covers unquoted values like {@code A + B}). */
    private String simpleValue() {
        if (token.kind() != Kind.WORD && token.kind() != Kind.STRING) {
            throw error("a value");
        }
        StringBuilder sb = new StringBuilder(token.text());
        advance();
        while ((token.kind() == Kind.WORD || token.kind() == Kind.STRING) && !token.startsLine()) {
            sb.append(' ').append(token.text());
            advance();
        }
        return sb.toString();
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (token.kind() == Kind.RPAREN) {
            advance();
            return args;
        }
        while (true) {
            if (token.kind() != Kind.WORD && token.kind() != Kind.STRING) {
                throw error("an argument or ')'");
            }
            StringBuilder sb = new StringBuilder(token.text());
            advance();
            while (token.kind() == Kind.WORD || token.kind() == Kind.STRING) {
                sb.append(' ').append(token.text());
                advance();
            }
            args.add(sb.toString());
            if (token.kind() == Kind.COMMA) {
                advance();
            } else if (token.kind() == Kind.RPAREN) {
                advance();
                return args;
            } else {
                throw error("',' or ')'");
            }
        }
    }

    /** A ';', or nothing when the next token is on a new line or closes the group. */
    private void endOfStatement() {
        if (token.kind() == Kind.SEMI) {
            advance();
        } else if (!token.startsLine() && token.kind() != Kind.RBRACE) {
            throw error("';'");
        }
    }

    private LibertyToken expect(Kind kind, String what) {
        if (token.kind() != kind) {
            throw error(what);
        }
        LibertyToken t = token;
        advance();
        return t;
    }

    private void advance() {
        token = lexer.next();
    }

    private UserError error(String expected) {
        return new UserError(source + ":" + token.line() + ": expected " + expected + ", got " + token.describe());
    }
}
