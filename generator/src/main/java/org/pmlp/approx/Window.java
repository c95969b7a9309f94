package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.util.Json;

/**
 * An activation window request: explicit sum bits {@code [msb:lsb]}, or a width {@code bits}
 * whose position is calibrated from the activation range on the training data (0 bits: the full
 * width of the sum, never saturating).
 */
public record Window(Integer bits, Integer msb, Integer lsb) {

    public static Window ofBits(int bits) {
        return new Window(bits, null, null);
    }

    public static Window of(int msb, int lsb) {
        return new Window(null, msb, lsb);
    }

    public boolean explicit() {
        return msb != null;
    }

    static Window parse(Json.In in) {
        if (in.node().isNumber()) {
            return ofBits(in.integer(0, 32));
        }
        in.onlyFields("bits", "msb", "lsb");
        if (in.has("bits")) {
            if (in.has("msb") || in.has("lsb")) {
                throw in.error("give either bits or msb and lsb, not both");
            }
            return ofBits(in.get("bits").integer(0, 32));
        }
        int msb = in.get("msb").integer(0, 62);
        int lsb = in.get("lsb").integer(0, 62);
        if (msb < lsb) {
            throw in.error("msb " + msb + " is below lsb " + lsb);
        }
        if (msb - lsb + 1 > 32) {
            throw in.error("a window of " + (msb - lsb + 1) + " bits is wider than 32");
        }
        return of(msb, lsb);
    }

    JsonNode toJson() {
        ObjectNode o = Json.object();
        if (explicit()) {
            o.put("msb", msb);
            o.put("lsb", lsb);
        } else {
            o.put("bits", bits);
        }
        return o;
    }
}
