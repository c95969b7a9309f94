package org.pmlp.design;

import java.util.ArrayList;
import java.util.List;

/** Printed batteries and the power they deliver (the printed-MLP literature's figures). */
public final class Batteries {
    /** A printed battery class and its deliverable power. */
    public record Battery(String name, double mw) {
    }

    public static final List<Battery> CLASSES = List.of(new Battery("Molex", 30), new Battery("Zinergy", 15),
            new Battery("Blue Spark", 6));

    private Batteries() {
    }

    /** The battery classes that can supply {@code mw}, as text ("none" when none can). */
    public static String fitting(double mw) {
        List<String> out = new ArrayList<>();
        for (Battery b : CLASSES) {
            if (mw <= b.mw()) {
                out.add(b.name() + " (" + (int) b.mw() + " mW)");
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
