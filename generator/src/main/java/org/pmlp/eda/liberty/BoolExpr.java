package org.pmlp.eda.liberty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A boolean expression from a Liberty {@code function}, {@code when}, {@code next_state}... string.
 * Parse with {@link BoolExprParser}; compile with {@link #compile} for bit-parallel evaluation.
 */
public sealed interface BoolExpr {

    record Var(String name) implements BoolExpr {}

    record Const(boolean value) implements BoolExpr {}

    record Not(BoolExpr operand) implements BoolExpr {}

    record And(BoolExpr left, BoolExpr right) implements BoolExpr {}

    record Or(BoolExpr left, BoolExpr right) implements BoolExpr {}

    record Xor(BoolExpr left, BoolExpr right) implements BoolExpr {}

    /** Parses a Liberty expression; {@code where} ("FILE:LINE") prefixes error messages. */
    static BoolExpr parse(String text, String where) {
        return new BoolExprParser(text, where).parse();
    }

    /** Variable names used, sorted. */
    default Set<String> variables() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(BoolExpr e, Set<String> out) {
        if (e instanceof Var v) {
            out.add(v.name());
        } else if (e instanceof Not n) {
            collect(n.operand(), out);
        } else if (e instanceof And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (e instanceof Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        } else if (e instanceof Xor x) {
            collect(x.left(), out);
            collect(x.right(), out);
        }
    }

    /** Evaluates with named single-bit values (slow path, for tests and diagnostics). */
    default boolean eval(Map<String, Boolean> values) {
        if (this instanceof Var v) {
            Boolean b = values.get(v.name());
            if (b == null) {
                throw new IllegalArgumentException("no value for " + v.name());
            }
            return b;
        }
        if (this instanceof Const c) {
            return c.value();
        }
        if (this instanceof Not n) {
            return !n.operand().eval(values);
        }
        if (this instanceof And a) {
            return a.left().eval(values) && a.right().eval(values);
        }
        if (this instanceof Or o) {
            return o.left().eval(values) || o.right().eval(values);
        }
        Xor x = (Xor) this;
        return x.left().eval(values) ^ x.right().eval(values);
    }

    /**
     * Compiles against a variable order: slot i of the evaluation array holds variable
     * {@code order.get(i)}. Throws IllegalArgumentException for a variable not in the order.
     */
    default CompiledExpr compile(List<String> order) {
        return CompiledExpr.of(this, order);
    }
}
