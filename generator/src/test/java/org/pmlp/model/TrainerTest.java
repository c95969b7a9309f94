package org.pmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;
import org.pmlp.testutil.SyntheticData;

class TrainerTest {
    @Test
    void learnsSeparableDataAndIsDeterministic() {
        Dataset d = SyntheticData.blobs(300, 1);
        InputScaler s = InputScaler.MinMax.fit(d.x(), 0, 0.9);
        Mlp a = MlpTraining.train(d, s, TrainingOptions.defaults(new int[] {4}, 5), Map.of());
        Mlp b = MlpTraining.train(d, s, TrainingOptions.defaults(new int[] {4}, 5), Map.of());
        assertTrue(a.accuracy(d) > 0.95, "accuracy " + a.accuracy(d));
        assertArrayEquals(a.layer(0).weights()[0], b.layer(0).weights()[0], "same seed, same weights");
    }

    @Test
    void oneClassIsAUserError() {
        Dataset d = SyntheticData.blobs(30, 2);
        Dataset one = new Dataset(d.x(), new int[30], d.featureNames(), List.of("only"));
        UserError e = assertThrows(UserError.class, () -> MlpTraining.train(one, new InputScaler.Identity(),
                TrainingOptions.defaults(new int[] {2}, 1), Map.of()));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }
}
