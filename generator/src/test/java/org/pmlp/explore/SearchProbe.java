package org.pmlp.explore;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.pmlp.approx.ModelShape;
import org.pmlp.cost.CostModel;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;

/** Manual probe (not a test). */
public final class SearchProbe {
    public static void main(String[] a) throws Exception {
        Mlp m = ModelJson.read(Path.of(a[0]));
        Dataset train = CsvDatasetReader.read(Path.of(a[1]), CsvOptions.defaults()).dataset();
        SearchSpace space = SearchSpace.of(m, QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, m, train, 20, 1, CostModel.defaults(), HeapStyle.TWOS_COMPLEMENT);
        CandidateEvaluator.Score exact = ev.evaluate(space.exact());
        Objectives obj = new Objectives(exact.accuracy() - 0.01, false);
        var pool = Executors.newFixedThreadPool(2);
        Nsga2Search s = new Nsga2Search(ev, obj, new Nsga2Search.Options(Integer.parseInt(a[2]), Integer.parseInt(a[3]),
                Double.parseDouble(a[5]), Double.parseDouble(a[4]), Double.parseDouble(a[6]), Long.parseLong(a[7])), pool);
        Nsga2Search.State st = s.initial();
        int feas = 0;
        for (int[][] g : st.population()) {
            if (obj.feasible(ev.evaluate(g))) {
                feas++;
            }
        }
        System.out.println("initial feasible " + feas + " of " + st.population().size());
        s.run(st, (state, best, rate) -> {
            int f = 0;
            double minA = 1e9;
            for (int[][] g : state.population()) {
                CandidateEvaluator.Score sc = ev.evaluate(g);
                if (obj.feasible(sc)) {
                    f++;
                    minA = Math.min(minA, sc.areaCm2());
                }
            }
            System.out.printf("gen %d: evals %d, feasible in pop %d, min pop area %.3f, archive %d best %.3f%n",
                    state.generation() - 1, state.evaluations(), f, minA, state.archive().size(),
                    best == null ? -1 : best.score().areaCm2());
        });
        pool.shutdownNow();
    }
}
