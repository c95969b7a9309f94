package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmlp.ir.Circuit;

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
}
