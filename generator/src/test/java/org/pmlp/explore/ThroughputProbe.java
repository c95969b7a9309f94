package org.pmlp.explore;

import java.nio.file.Path;
import org.pmlp.approx.ModelShape;
import org.pmlp.cost.CostModel;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;

/** Manual probe (not a test): java -cp ... org.pmlp.explore.ThroughputProbe model.json train.csv */
public final class ThroughputProbe {
    public static void main(String[] a) throws Exception {
        Mlp m = ModelJson.read(Path.of(a[0]));
        Dataset train = CsvDatasetReader.read(Path.of(a[1]), CsvOptions.defaults()).dataset();
        SearchSpace space = new SearchSpace(ModelShape.of(m), QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, m, train, 20, 1, CostModel.defaults(),
                HeapStyle.TWOS_COMPLEMENT);
        Throughput.Result r = Throughput.measure(ev, 3000, 2, 1);
        System.out.printf("%.0f cand/s single, %.0f cand/s with %d threads%n", r.singleRate(), r.parallelRate(), r.jobs());
    }
}
