package org.pmlp.rtl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.ArgmaxNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.Tournament;
import org.pmlp.ir.WidthInference;
import org.pmlp.quant.Csd;

/**
 * A plain behavioural Verilog of what a design means, for proving the generated gate-level RTL
 * against it: each neuron's sum written as {@code +} and {@code *} of constants on masked inputs,
 * each activation as a shift and clamp, the argmax as its tournament of comparisons. It reads
 * only the design's high-level description (weights, biases and grids, masks, truncation and
 * compensation, windows, argmax order and bits) and computes its own fixed-point alignment and
 * widths (exact, from value bounds), sharing nothing with the bit heaps, {@code partialProducts},
 * {@code Lowering} or the emitter. Same interface as {@code rtl/top.v}: {@code clk}, the packed
 * input port {@code x} (as {@link PortMap} describes it), the class {@code y}, with the same two
 * registers.
 */
public final class ReferenceVerilog {
    /** A value of the design: its Verilog name, bounds and fixed-point exponent. */
    private record Value(String name, BigInteger lo, BigInteger hi, int exponent) {
        int width() {
            return signedWidth(lo, hi);
        }
    }

    /** One product term: {@code coef * (source & mask)}. */
    private record Term(Value source, BigInteger mask, BigInteger coef) {
    }

    private final Circuit c;
    private final PortMap ports;
    private final StringBuilder body = new StringBuilder();
    /** Per input, the masked-in bits the port does not carry (which no sum may read). */
    private final java.util.Map<String, BigInteger> missing = new java.util.HashMap<>();
    /** Input bits a sum reads that the port lacks: the RTL found they cannot change the class. */
    private final java.util.Set<String> notOnPort = new java.util.TreeSet<>();

    private ReferenceVerilog(Circuit c, PortMap ports) {
        this.c = c;
        this.ports = ports;
    }

    /** The module text; {@code ports} is the interface of the RTL it is to be compared with. */
    public static String emit(Circuit c, PortMap ports) {
        return emit(c, ports, Registers.BOTH);
    }

    /** With the register placement of the RTL it is to be compared with. */
    public static String emit(Circuit c, PortMap ports, Registers registers) {
        return new ReferenceVerilog(c, ports).write(registers);
    }

    private String write(Registers registers) {
        int pw = Math.max(1, ports.width());
        int yBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(c.classes() - 1));
        List<Value> values = inputs();
        for (int l = 0; l < c.layers(); l++) {
            List<Value> next = new ArrayList<>();
            for (int j = 0; j < c.sums(l).size(); j++) {
                Value s = sum(c.sums(l).get(j), values);
                next.add(activation(c.acts(l).get(j), s));
            }
            values = next;
        }
        String cls = argmax(values, yBits);
        StringBuilder sb = new StringBuilder();
        sb.append("// Behavioural reference of the design: sums as + and * of constants, activations as\n");
        sb.append("// shifts and clamps, argmax as comparisons. Written by pmlp from the design's description\n");
        sb.append("// (not from the bit heaps of rtl/top.v), for proving rtl/top.v equal to it (make reference).\n");
        if (!notOnPort.isEmpty()) {
            sb.append("// Read as 0 here because the input port does not carry them (the generator found that they\n");
            sb.append("// cannot change the class; the proof covers the port as it is):\n");
            for (String b : notOnPort) {
                sb.append("//   ").append(b).append('\n');
            }
        }
        sb.append("module top (\n").append(registers.clocked() ? "    input  wire clk,\n" : "")
                .append("    input  wire [").append(pw - 1).append(":0] x,\n");
        sb.append("    output ").append(registers.outputs() ? "reg " : "wire").append(" [").append(yBits - 1)
                .append(":0] y\n);\n");
        if (registers.inputs()) {
            sb.append("    reg [").append(pw - 1).append(":0] xr;\n");
            sb.append("    always @(posedge clk) xr <= x;\n");
        } else {
            sb.append("    wire [").append(pw - 1).append(":0] xr = x;\n");
        }
        sb.append(body);
        sb.append(registers.outputs() ? "    always @(posedge clk) y <= " : "    assign y = ").append(cls).append(";\n");
        sb.append("endmodule\n");
        return sb.toString();
    }

    /** Each feature as a non-negative value: its port bits, with the input bit mask applied. */
    private List<Value> inputs() {
        List<Value> out = new ArrayList<>();
        for (InputNode in : c.inputs()) {
            if (in.table() != null) {
                out.add(levelInput(in));
                continue;
            }
            int bits = in.bits();
            String name = "q" + in.feature();
            StringBuilder cat = new StringBuilder("{1'b0");
            BigInteger lacking = BigInteger.ZERO;
            for (int b = bits - 1; b >= 0; b--) {
                int p = ports.bits().indexOf(new PortMap.Bit(in.feature(), b));
                boolean used = (in.mask() >> b & 1) != 0;
                cat.append(", ").append(used && p >= 0 ? "xr[" + p + "]" : "1'b0");
                if (used && p < 0) {
                    lacking = lacking.setBit(b);
                }
            }
            cat.append('}');
            missing.put(name, lacking);
            body.append("    wire signed [").append(bits).append(":0] ").append(name).append(" = ").append(cat)
                    .append(";\n");
            out.add(new Value(name, BigInteger.ZERO, BigInteger.valueOf(in.mask()), -c.inputBits()));
        }
        return out;
    }

    /**
     * A feature with learned levels: its code (port bits the RTL found the class does not depend
     * on read as 0) looked up in the feature's table, code by code, then masked.
     */
    private Value levelInput(InputNode in) {
        int bits = in.bits();
        String raw = "xq" + in.feature();
        StringBuilder cat = new StringBuilder("{");
        for (int b = bits - 1; b >= 0; b--) {
            int p = ports.bits().indexOf(new PortMap.Bit(in.feature(), b));
            cat.append(p >= 0 ? "xr[" + p + "]" : "1'b0").append(b > 0 ? ", " : "}");
        }
        body.append("    wire [").append(bits - 1).append(":0] ").append(raw).append(" = ").append(cat).append(";\n");
        StringBuilder lookup = new StringBuilder();
        for (int x = 0; x < in.table().length; x++) {
            lookup.append(raw).append(" == ").append(bits).append("'d").append(x).append(" ? ").append(bits + 1)
                    .append("'sd").append(in.table()[x] & in.mask()).append(" : ");
        }
        lookup.append(bits + 1).append("'sd0");
        String name = "q" + in.feature();
        body.append("    wire signed [").append(bits).append(":0] ").append(name).append(" = ").append(lookup)
                .append(";\n");
        missing.put(name, BigInteger.ZERO);
        return new Value(name, BigInteger.ZERO, BigInteger.valueOf(in.maxValue()), -c.inputBits());
    }

    private Value sum(SumNode s, List<Value> sources) {
        List<Connection> conns = c.connections(s);
        int minExp = Integer.MAX_VALUE;
        for (Connection k : conns) {
            minExp = Math.min(minExp, sources.get(k.port()).exponent());
        }
        if (conns.isEmpty()) {
            minExp = 0;
        }
        // The bias on the sum's grid (rounded half up when the grid is coarser than 2^0), plus
        // the constant that compensates truncated columns.
        BigInteger bias = BigInteger.valueOf(s.bias());
        BigInteger constant = -minExp >= 0 ? bias.shiftLeft(-minExp)
                : bias.add(BigInteger.ONE.shiftLeft(minExp - 1)).shiftRight(minExp);
        constant = constant.add(BigInteger.valueOf(s.compensation()));
        List<Term> terms = new ArrayList<>();
        int trunc = s.truncation();
        for (Connection k : conns) {
            if (k.weight() == 0) {
                continue;
            }
            Value src = sources.get(k.port());
            if (src.lo().signum() < 0) {
                throw new IllegalStateException(s.name() + " reads a signed value " + src.name());
            }
            BigInteger mask = BigInteger.valueOf(k.mask());
            if (mask.signum() < 0) { // all bits
                mask = BigInteger.ONE.shiftLeft(src.hi().bitLength()).subtract(BigInteger.ONE);
            }
            mask = mask.and(BigInteger.ONE.shiftLeft(src.hi().bitLength()).subtract(BigInteger.ONE));
            int align = src.exponent() - minExp;
            if (trunc == 0) {
                terms.add(new Term(src, mask, BigInteger.valueOf(k.weight()).shiftLeft(align)));
            } else {
                // Truncation drops heap columns below `trunc`: of each weight digit's shifted copy
                // of the input, the bits that would land there.
                for (Csd.Digit d : Csd.digits(k.weight())) {
                    int shift = d.shift() + align;
                    BigInteger m = mask;
                    if (trunc > shift) {
                        m = m.andNot(BigInteger.ONE.shiftLeft(trunc - shift).subtract(BigInteger.ONE));
                    }
                    terms.add(new Term(src, m, BigInteger.valueOf(d.sign()).shiftLeft(shift)));
                }
            }
        }
        BigInteger lo = constant;
        BigInteger hi = constant;
        int width = constant.bitLength() + 2;
        StringBuilder expr = new StringBuilder();
        List<Term> parts = new ArrayList<>();
        for (Term t : terms) {
            BigInteger max = t.mask().min(t.source().hi());
            if (t.mask().signum() == 0) {
                continue;
            }
            BigInteger lacking = missing.get(t.source().name());
            if (lacking != null && lacking.and(t.mask()).signum() != 0) {
                notOnPort.add(t.source().name() + " bits " + lacking.and(t.mask()).toString(2) + " (read by " + s.name()
                        + ")");
            }
            if (t.coef().signum() > 0) {
                hi = hi.add(t.coef().multiply(max));
            } else {
                lo = lo.add(t.coef().multiply(max));
            }
            width = Math.max(width, t.coef().bitLength() + 2);
            parts.add(t);
        }
        width = Math.max(width, signedWidth(lo, hi));
        expr.append(literal(constant, width));
        for (Term t : parts) {
            int sw = t.source().width();
            expr.append("\n        + ").append(literal(t.coef(), width)).append(" * $signed({1'b0, ")
                    .append(t.source().name()).append(" & ").append(sw).append("'d").append(t.mask()).append("})");
        }
        String name = "sum" + s.layer() + "_" + s.neuron();
        body.append("    wire signed [").append(width - 1).append(":0] ").append(name).append(" = ").append(expr)
                .append(";\n");
        return new Value(name, lo, hi, minExp - s.fracBits());
    }

    private Value activation(ActNode a, Value s) {
        String name = "act" + a.layer() + "_" + a.neuron();
        int w = s.width();
        String shifted = "(" + s.name() + " >>> " + a.lsb() + ")";
        if (a.kind() == ActNode.Kind.RELU) {
            BigInteger sat = BigInteger.ONE.shiftLeft(a.windowBits()).subtract(BigInteger.ONE);
            int aw = Math.max(w, sat.bitLength() + 1);
            body.append("    wire signed [").append(aw - 1).append(":0] ").append(name).append(" = ")
                    .append(shifted).append(" < 0 ? ").append(literal(BigInteger.ZERO, aw)).append(" : ").append(shifted)
                    .append(" > ").append(literal(sat, aw)).append(" ? ").append(literal(sat, aw)).append(" : ")
                    .append(shifted).append(";\n");
            BigInteger hi = s.hi().shiftRight(a.lsb()).max(BigInteger.ZERO).min(sat);
            return new Value(name, BigInteger.ZERO, hi, s.exponent() + a.lsb());
        }
        body.append("    wire signed [").append(w - 1).append(":0] ").append(name).append(" = ").append(shifted)
                .append(";\n");
        return new Value(name, s.lo().shiftRight(a.lsb()), s.hi().shiftRight(a.lsb()), s.exponent() + a.lsb());
    }

    /**
     * The tournament: leaf i holds class {@code order[i]}; comparator k compares its operands'
     * top bits of the common value width (arithmetic right shift) and the right operand wins
     * only when strictly greater.
     */
    private String argmax(List<Value> outs, int yBits) {
        ArgmaxNode am = c.argmax();
        int k = am.classes();
        int[] order = am.order();
        int common = WidthInference.argmaxNominalWidth(c);
        int cw = 1;
        for (Value v : outs) {
            cw = Math.max(cw, v.width());
        }
        Tournament t = Tournament.of(k);
        for (int i = 0; i < k; i++) {
            body.append("    wire signed [").append(cw - 1).append(":0] v").append(i).append(" = ")
                    .append(outs.get(order[i]).name()).append(";\n");
            body.append("    wire [").append(yBits - 1).append(":0] k").append(i).append(" = ").append(yBits)
                    .append("'d").append(order[i]).append(";\n");
        }
        for (int i = 0; i < t.comparators(); i++) {
            int sh = am.compareShift(i, common);
            int e = k + i;
            String l = Integer.toString(t.left()[i]);
            String r = Integer.toString(t.right()[i]);
            body.append("    wire right").append(i).append(" = (v").append(r).append(" >>> ").append(sh).append(") > (v")
                    .append(l).append(" >>> ").append(sh).append(");\n");
            body.append("    wire signed [").append(cw - 1).append(":0] v").append(e).append(" = right").append(i)
                    .append(" ? v").append(r).append(" : v").append(l).append(";\n");
            body.append("    wire [").append(yBits - 1).append(":0] k").append(e).append(" = right").append(i)
                    .append(" ? k").append(r).append(" : k").append(l).append(";\n");
        }
        return "k" + t.root();
    }

    /** A signed sized Verilog literal. */
    private static String literal(BigInteger v, int width) {
        return (v.signum() < 0 ? "-" : "") + width + "'sd" + v.abs();
    }

    /** Two's complement bits holding every value in [lo, hi], with a sign bit. */
    static int signedWidth(BigInteger lo, BigInteger hi) {
        return Math.max(lo.bitLength(), hi.bitLength()) + 1;
    }
}
