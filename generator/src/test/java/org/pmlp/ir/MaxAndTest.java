package org.pmlp.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link WidthInference#maxAnd}: the largest {@code x & m} over {@code 0 <= x <= hi}, against brute force. */
class MaxAndTest {
    @Test
    void matchesBruteForceOnSmallRanges() {
        SplittableRandom r = new SplittableRandom(7);
        for (long hi = 0; hi < 600; hi++) {
            for (int t = 0; t < 20; t++) {
                long m = t == 0 ? -1L : r.nextLong(1L << 11);
                long best = 0;
                for (long x = 0; x <= hi; x++) {
                    best = Math.max(best, x & m);
                }
                assertEquals(best, WidthInference.maxAnd(hi, m), "hi " + hi + ", mask " + m);
            }
        }
    }

    @Test
    void wideRangesKeepTheirTopBits() {
        // every bit of the mask at or below the range's top bit can be set at once below hi
        assertEquals((1L << 62) - 1, WidthInference.maxAnd(1L << 62, (1L << 62) - 1));
        assertEquals(Long.MAX_VALUE, WidthInference.maxAnd(Long.MAX_VALUE, -1L));
        assertEquals(0b0111L, WidthInference.maxAnd(0b1000L, 0b0111L));
        assertEquals(0b1000L, WidthInference.maxAnd(0b1000L, 0b1000L));
    }
}
