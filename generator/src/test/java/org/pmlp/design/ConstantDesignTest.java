package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** When a verified design is called constant (and so never counted as a design). */
class ConstantDesignTest {
    @Test
    void aDesignOfWiresAloneIsNotConstantWhenItsAnswersDiffer() {
        DesignReport r = new DesignReport();
        r.inputPortBits = 1;
        r.rtlGates = 0;
        r.areaCm2 = 0;
        // y = {x0, 0, 0, x0}: class 9 or class 0, no cell after synthesis
        assertNull(ConstantDesign.reason(r, new int[] {0, 9, 9, 0}));
        assertNotNull(ConstantDesign.reason(r, new int[] {0, 0, 0}));
        assertNotNull(ConstantDesign.reason(r, (int[]) null), "nothing shows it depends on its inputs");
        r.rtlGates = 5; // RTL gates that synthesis removed: one class, no cell
        assertNotNull(ConstantDesign.reason(r, new int[] {2, 2}));
        assertNull(ConstantDesign.reason(r, new int[] {2, 3}));
    }

    @Test
    void aDesignReadingNoInputIsConstant() {
        DesignReport r = new DesignReport();
        r.inputPortBits = 0;
        assertNotNull(ConstantDesign.reason(r, new int[] {0, 1}));
    }
}
