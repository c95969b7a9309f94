package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Port bit p of x carries the bit its PortMap entry names, p = 0 being the least significant hex bit. */
class PortMapTest {
    @Test
    void hexPutsPortBitZeroLast() {
        // x[3:0] = feature 0 bits [3:0], x[4] = feature 1 bit 0, x[5] = feature 2 bit 3.
        PortMap map = new PortMap(List.of(new PortMap.Bit(0, 0), new PortMap.Bit(0, 1), new PortMap.Bit(0, 2),
                new PortMap.Bit(0, 3), new PortMap.Bit(1, 0), new PortMap.Bit(2, 3)));
        assertEquals("1a", map.hex(new int[] {0b1010, 1, 0}));
        assertEquals("2a", map.hex(new int[] {0b1010, 0, 0b1000}));
        assertEquals("0f", map.hex(new int[] {0b1111, 0b1110, 0b0111}));
    }

    /** Wide random maps: each port bit, read back from the hex string, is the named input bit. */
    @Test
    void everyPortBitReadsBackFromTheHex() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int features = 1 + r.nextInt(20);
            List<PortMap.Bit> bits = new ArrayList<>();
            for (int f = 0; f < features; f++) {
                for (int b = 0; b < 8; b++) {
                    if (r.nextInt(4) > 0) {
                        bits.add(new PortMap.Bit(f, b));
                    }
                }
            }
            PortMap map = new PortMap(bits);
            int[] q = new int[features];
            for (int f = 0; f < features; f++) {
                q[f] = r.nextInt(256);
            }
            String hex = map.hex(q);
            assertEquals((Math.max(1, bits.size()) + 3) / 4, hex.length());
            BigInteger x = new BigInteger(hex, 16);
            assertTrue(x.bitLength() <= bits.size());
            for (int p = 0; p < bits.size(); p++) {
                assertEquals((q[bits.get(p).feature()] >> bits.get(p).bit() & 1) == 1, x.testBit(p), "port bit " + p);
            }
        }
    }
}
