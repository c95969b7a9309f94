package org.pmlp.eda.liberty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Liberty group {@code type (args) { attributes and groups }}, in file order. */
public final class LibertyGroup {
    private final String type;
    private final List<String> args;
    private final int line;
    private final List<LibertyAttribute> attributes = new ArrayList<>();
    private final List<LibertyGroup> groups = new ArrayList<>();

    LibertyGroup(String type, List<String> args, int line) {
        this.type = type;
        this.args = List.copyOf(args);
        this.line = line;
    }

    void add(LibertyAttribute attribute) {
        attributes.add(attribute);
    }

    void add(LibertyGroup group) {
        groups.add(group);
    }

    public String type() {
        return type;
    }

    public List<String> args() {
        return args;
    }

    /** The first argument, or "" for a group like {@code leakage_power ()}. */
    public String name() {
        return args.isEmpty() ? "" : args.get(0);
    }

    public int line() {
        return line;
    }

    public List<LibertyAttribute> attributes() {
        return List.copyOf(attributes);
    }

    public List<LibertyGroup> groups() {
        return List.copyOf(groups);
    }

    /** Sub-groups of one type, in file order. */
    public List<LibertyGroup> groups(String groupType) {
        return groups.stream().filter(g -> g.type.equals(groupType)).toList();
    }

    /** The first attribute of that name (Liberty files normally have at most one). */
    public Optional<LibertyAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The value of a simple attribute, or null when absent. */
    public String value(String name) {
        return attribute(name).map(LibertyAttribute::value).orElse(null);
    }

    @Override
    public String toString() {
        return type + " (" + String.join(", ", args) + ") at line " + line;
    }
}
