package org.pmlp.design;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.cost.CellFigures;
import org.pmlp.cost.CostFeatures;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Not a unit test: refits a cost model from the samples a {@code pmlp calibrate --samples FILE}
 * run wrote (its syntheses, without running them again), exactly as that run's {@code -o} would
 * have, and prints the held-out figures. Usage: {@code CostRefit SAMPLES.csv LIBERTY|- DESIGNS
 * SEED OUT.json}.
 */
public final class CostRefit {
    private CostRefit() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String[] head = lines.get(0).split(",");
        int n = CostFeatures.NAMES.length;
        for (int i = 0; i < n; i++) {
            if (!head[1 + i].equals(CostFeatures.NAMES[i])) {
                throw new IllegalArgumentException("column " + (1 + i) + " is " + head[1 + i]);
            }
        }
        List<Calibration.Sample> samples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int[] gates = new int[n - 1];
            for (int i = 0; i < n - 1; i++) {
                gates[i] = Integer.parseInt(f[1 + i]);
            }
            CostFeatures features = new CostFeatures(gates, Integer.parseInt(f[n]));
            samples.add(new Calibration.Sample(Long.parseLong(f[0]), features, Double.parseDouble(f[n + 1]),
                    Double.parseDouble(f[n + 3]), f[n + 5].isEmpty() ? Double.NaN : Double.parseDouble(f[n + 5])));
        }
        Path liberty = args[1].equals("-") ? null : Path.of(args[1]);
        Calibration.Outcome o = Calibration.evaluate(samples, CellFigures.of(liberty), null);
        System.out.printf("held-out area:  Spearman %.4f, median relative error %.2f%%%n", o.areaSpearman(),
                100 * o.areaMedianError());
        System.out.printf("held-out power: Spearman %.4f, median relative error %.2f%%%n", o.powerSpearman(),
                100 * o.powerMedianError());
        Files2.writeAtomically(Path.of(args[4]), Json.write(Calibration.toJson(o, Integer.parseInt(args[2]),
                Long.parseLong(args[3]), liberty == null ? CellFigures.DEFAULT_LIBERTY : liberty.toString())));
    }
}
