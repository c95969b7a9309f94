package org.pmlp.eda.liberty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link BoolExpr} as a postfix program over 64-bit words: each {@code long} carries 64
 * independent lanes (one per simulated cycle), so one evaluation computes 64 cycles.
 * Immutable and thread-safe; the caller supplies the operand stack.
 */
public final class CompiledExpr {
    // Opcodes below zero; a code >= 0 pushes the variable in that slot.
    private static final int ZERO = -1;
    private static final int ONE = -2;
    private static final int NOT = -3;
    private static final int AND = -4;
    private static final int OR = -5;
    private static final int XOR = -6;

    private final int[] code;
    private final int stackDepth;
    private final boolean readsVariables;

    private CompiledExpr(int[] code, int stackDepth) {
        this.code = code;
        this.stackDepth = stackDepth;
        this.readsVariables = Arrays.stream(code).anyMatch(c -> c >= 0);
    }

    static CompiledExpr of(BoolExpr e, List<String> order) {
        List<Integer> out = new ArrayList<>();
        int depth = emit(e, order, out);
        int[] code = out.stream().mapToInt(Integer::intValue).toArray();
        return new CompiledExpr(code, depth);
    }

    /** Emits postfix code; returns the stack depth the subtree needs. */
    private static int emit(BoolExpr e, List<String> order, List<Integer> out) {
        if (e instanceof BoolExpr.Var v) {
            int slot = order.indexOf(v.name());
            if (slot < 0) {
                throw new IllegalArgumentException("unknown variable " + v.name());
            }
            out.add(slot);
            return 1;
        }
        if (e instanceof BoolExpr.Const c) {
            out.add(c.value() ? ONE : ZERO);
            return 1;
        }
        if (e instanceof BoolExpr.Not n) {
            int d = emit(n.operand(), order, out);
            out.add(NOT);
            return d;
        }
        BoolExpr left;
        BoolExpr right;
        int op;
        if (e instanceof BoolExpr.And a) {
            left = a.left();
            right = a.right();
            op = AND;
        } else if (e instanceof BoolExpr.Or o) {
            left = o.left();
            right = o.right();
            op = OR;
        } else {
            BoolExpr.Xor x = (BoolExpr.Xor) e;
            left = x.left();
            right = x.right();
            op = XOR;
        }
        int dl = emit(left, order, out);
        int dr = emit(right, order, out);
        out.add(op);
        return Math.max(dl, dr + 1);
    }

    /** Stack size {@link #eval} needs. */
    public int stackDepth() {
        return stackDepth;
    }

    /** True if the value does not depend on any variable. */
    public boolean isConstant() {
        return !readsVariables;
    }

    /** Evaluates 64 lanes at once; {@code stack} must hold at least {@link #stackDepth()} words. */
    public long eval(long[] vars, long[] stack) {
        int sp = 0;
        for (int c : code) {
            switch (c) {
                case ZERO -> stack[sp++] = 0L;
                case ONE -> stack[sp++] = -1L;
                case NOT -> stack[sp - 1] = ~stack[sp - 1];
                case AND -> { sp--; stack[sp - 1] &= stack[sp]; }
                case OR -> { sp--; stack[sp - 1] |= stack[sp]; }
                case XOR -> { sp--; stack[sp - 1] ^= stack[sp]; }
                default -> stack[sp++] = vars[c];
            }
        }
        return stack[0];
    }

    /** Convenience for tests: allocates its own stack. */
    public long eval(long[] vars) {
        return eval(vars, new long[stackDepth]);
    }
}
