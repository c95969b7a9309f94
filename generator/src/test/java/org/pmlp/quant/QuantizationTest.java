package org.pmlp.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantizationTest {
    @Test
    void inputsAreFlooredAndClamped() {
        InputQuantizer q = new InputQuantizer(4);
        assertEquals(14, q.quantize(0.9), "floor(16 * 0.9) = 14, the literature's top code");
        assertEquals(0, q.quantize(-0.2));
        assertEquals(15, q.quantize(1.7));
        assertEquals(3, q.quantize(0.2499));
    }

    @Test
    void csdValueTablesAreEveryValueOfFewDigitsSortedAndBuiltOnce() {
        for (int bits = 2; bits <= 16; bits++) {
            long max = (1L << (bits - 1)) - 1;
            for (int digits = 1; digits <= bits; digits++) {
                long[] t = CsdFormat.representable(max, digits);
                int at = 0;
                for (long v = -max; v <= max; v++) {
                    if (Csd.weight(v) <= digits) {
                        assertEquals(v, t[at++], "csd" + digits + " of " + bits + " bits");
                    }
                }
                assertEquals(at, t.length);
                assertTrue(t == CsdFormat.representable(max, digits), "shared, not rebuilt at each fit");
            }
        }
    }

    @Test
    void csdDigitsRebuildTheValueWithoutAdjacentNonZeros() {
        for (long v = -300; v <= 300; v++) {
            long sum = 0;
            int lastShift = -2;
            for (Csd.Digit d : Csd.digits(v)) {
                sum += (long) d.sign() << d.shift();
                assertTrue(d.shift() > lastShift + 1, "no adjacent digits in " + v);
                lastShift = d.shift();
            }
            assertEquals(v, sum);
            assertEquals(Csd.digits(v).size(), Csd.weight(v));
        }
        assertEquals(2, Csd.weight(7), "7 = 8 - 1");
    }

    @Test
    void fixedPointChoosesFracBitsFromTheRange() {
        WeightGrid g = new FixedFormat(8).fit(new double[][] {{0.9, -0.3}}, new double[] {0.1});
        assertEquals(7, g.fracBits(), "0.9 * 2^7 = 115 fits in 127");
        assertEquals(115, g.round(0.9));
        assertEquals(-38, g.round(-0.3));
        WeightGrid wide = new FixedFormat(8).fit(new double[][] {{5.6}}, new double[] {0});
        assertEquals(4, wide.fracBits());
        assertEquals(127, wide.round(9.0), "clamped to the format");
    }

    @Test
    void po2AndCsdAndTernaryStayOnTheirGrids() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] w = new double[4][8];
        for (double[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (r.nextDouble() - 0.5) * 3;
            }
        }
        double[] b = {0.3, -0.2, 0, 1};
        WeightGrid po2 = new Po2Format(8).fit(w, b);
        WeightGrid csd2 = new CsdFormat(8, 2).fit(w, b);
        WeightGrid ter = new TernaryFormat(8).fit(w, b);
        long unit = 0;
        for (double[] row : w) {
            for (double v : row) {
                long p = po2.round(v);
                assertTrue(p == 0 || Long.bitCount(Math.abs(p)) == 1, "po2 " + p);
                assertTrue(Csd.weight(csd2.round(v)) <= 2);
                long t = ter.round(v);
                if (t != 0) {
                    assertTrue(unit == 0 || Math.abs(t) == unit);
                    unit = Math.abs(t);
                }
                double err = Math.abs(csd2.value(csd2.round(v)) - v);
                assertTrue(err <= Math.abs(po2.value(po2.round(v)) - v) + 1e-12, "csd2 is never worse than po2");
            }
        }
        assertTrue(Long.bitCount(unit) == 1, "the ternary unit is a power of two");
    }
}
