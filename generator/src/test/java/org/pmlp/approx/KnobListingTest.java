package org.pmlp.approx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.pmlp.testutil.Shared;

/** The README's design-configuration table is what the passes declare ({@code pmlp knobs --markdown}). */
class KnobListingTest {
    @Test
    void readmeTableComesFromTheDeclarations() throws Exception {
        String readme = Files.readString(Shared.repo().resolve("README.md"));
        assertTrue(readme.contains(KnobListing.markdown()),
                "README.md's design-configuration table differs from `pmlp knobs --markdown`; paste its output:\n"
                        + KnobListing.markdown());
    }

    @Test
    void everyKnobAndGeneIsListed() {
        String text = KnobListing.text();
        for (PassKind k : PassRegistry.kinds()) {
            for (Knob knob : k.knobs()) {
                assertTrue(text.contains("  " + knob.field() + " "), k.name() + "." + knob.field());
            }
            for (Gene g : k.genes(KnobListing.EXAMPLE, org.pmlp.quant.QuantSpec.DEFAULT)) {
                assertTrue(text.contains("gene " + g.name() + " "), g.name());
            }
        }
    }
}
