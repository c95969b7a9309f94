package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;

/**
 * A transformation of the circuit, like a Yosys pass: it edits the graph and leaves width
 * inference to the end of the flow. Each pass owns one section of the design configuration
 * and can write its parameters back as that section.
 */
public interface Pass {
    /** Its section name in the design configuration. */
    String name();

    void run(Circuit circuit, PassContext context);

    /** Its parameters as its configuration section. */
    JsonNode toJson();

    /**
     * Applies this pass to the search's flat form of a circuit, with exactly the effect
     * {@link #run} has on the circuit (a randomized test holds the two together); false when the
     * pass has no flat form for these parameters, and then the full flow is used. The network
     * starts from its base (see {@link org.pmlp.design.DesignFlow#edit}).
     */
    default boolean edit(FlatNetwork net) {
        return false;
    }
}
