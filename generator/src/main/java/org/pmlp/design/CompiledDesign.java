package org.pmlp.design;

import org.pmlp.approx.DesignConfig;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Program;
import org.pmlp.model.Mlp;

/**
 * A design ready to emit: the float model it came from (after any retraining), its
 * configuration, the width-inferred circuit and the golden model lowered from it.
 */
public record CompiledDesign(Mlp model, DesignConfig config, Circuit circuit, Program program) {
}
