package org.pmlp.approx;

/**
 * One block of integer genes a pass gives the search: {@code length} genes, each in [0, max].
 * {@code exactAtMax} says which end is the exact design (the top for widths, 0 for truncation,
 * formats and orders). {@code slot} fixes where the block sits in the genome: genomes are laid
 * out by slot (then declaration order), not by flow order, so that the genomes of searches and
 * checkpoints written before the knobs were declared per pass keep their meaning.
 */
public record Gene(String name, int length, int max, boolean exactAtMax, int slot, String help) {
    /** Slot of passes that do not care (after all built-in genes). */
    public static final int LAST = 1000;

    /** The gene value of the exact design. */
    public int exact() {
        return exactAtMax ? max : 0;
    }
}
