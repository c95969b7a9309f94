package org.pmlp.approx;

/**
 * One field of a pass's configuration section as users see it ({@code pmlp knobs}, the README
 * table): its JSON field, the values it takes, its default and what it does.
 */
public record Knob(String field, String values, String defaultValue, String help) {
}
