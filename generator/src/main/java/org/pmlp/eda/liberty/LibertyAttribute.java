package org.pmlp.eda.liberty;

import java.util.List;

/**
 * A simple ({@code name : value ;}) or complex ({@code name (a, b) ;}) attribute. Quotes are
 * removed from values; a simple attribute has exactly one value.
 */
public record LibertyAttribute(String name, List<String> values, boolean complex, int line) {

    public LibertyAttribute {
        values = List.copyOf(values);
    }

    /** The value of a simple attribute, or the first value of a complex one ("" if none). */
    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }
}
