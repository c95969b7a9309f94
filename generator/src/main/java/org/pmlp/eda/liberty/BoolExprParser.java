package org.pmlp.eda.liberty;

import org.pmlp.UserError;

/**
 * Recursive-descent parser for Liberty boolean expressions. Precedence, highest first: postfix
 * {@code '} and prefix {@code !}; {@code ^}; {@code *}, {@code &} and juxtaposition
 * ({@code A B} means A and B); {@code +} and {@code |}. Constants are 0 and 1.
 */
final class BoolExprParser {
    private final String text;
    private final String where;
    private int pos;

    BoolExprParser(String text, String where) {
        this.text = text;
        this.where = where;
    }

    BoolExpr parse() {
        skipSpaces();
        BoolExpr e = or();
        if (pos < text.length()) {
            throw error("an operator or end of expression");
        }
        return e;
    }

    private BoolExpr or() {
        BoolExpr e = and();
        while (peek() == '+' || peek() == '|') {
            pos++;
            skipSpaces();
            e = new BoolExpr.Or(e, and());
        }
        return e;
    }

    private BoolExpr and() {
        BoolExpr e = xor();
        while (true) {
            char c = peek();
            if (c == '*' || c == '&') {
                pos++;
                skipSpaces();
            } else if (!startsOperand(c)) { // juxtaposition: another operand right after this one
                return e;
            }
            e = new BoolExpr.And(e, xor());
        }
    }

    private BoolExpr xor() {
        BoolExpr e = unary();
        while (peek() == '^') {
            pos++;
            skipSpaces();
            e = new BoolExpr.Xor(e, unary());
        }
        return e;
    }

    private BoolExpr unary() {
        if (peek() == '!') {
            pos++;
            skipSpaces();
            return new BoolExpr.Not(unary());
        }
        BoolExpr e = primary();
        while (peek() == '\'') {
            pos++;
            skipSpaces();
            e = new BoolExpr.Not(e);
        }
        return e;
    }

    private BoolExpr primary() {
        char c = peek();
        if (c == '(') {
            pos++;
            skipSpaces();
            BoolExpr e = or();
            if (peek() != ')') {
                throw error("')'");
            }
            pos++;
            skipSpaces();
            return e;
        }
        if (!isNameChar(c)) {
            throw error("a pin name, 0, 1, '!' or '('");
        }
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        skipSpaces();
        if (name.equals("0") || name.equals("1")) {
            return new BoolExpr.Const(name.equals("1"));
        }
        if (Character.isDigit(name.charAt(0))) {
            pos = start;
            throw error("a pin name or the constant 0 or 1");
        }
        return new BoolExpr.Var(name);
    }

    private static boolean startsOperand(char c) {
        return c == '(' || c == '!' || isNameChar(c);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '[' || c == ']' || c == '.';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private UserError error(String expected) {
        String got = pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of expression";
        return new UserError(where + ": expected " + expected + " at column " + (pos + 1) + " of \"" + text
                + "\", got " + got);
    }
}
