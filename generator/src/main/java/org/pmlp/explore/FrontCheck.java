package org.pmlp.explore;

import java.nio.file.Path;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.data.Dataset;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignFolder;
import org.pmlp.ir.Program;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;

/**
 * Checks that a verified design is the design the search scored: the golden model rebuilt from
 * the folder's own model.json and config.json (as {@code pmlp generate} would) must classify the
 * training set exactly as often as the search's evaluation said. A difference means the
 * exploration's figures describe another circuit than the one delivered.
 */
final class FrontCheck {
    private FrontCheck() {
    }

    /** The golden training accuracy of the design written in {@code folder}. */
    static double trainAccuracy(Path folder, Dataset train, long seed) {
        DesignFolder f = new DesignFolder(folder);
        Mlp m = ModelJson.read(f.model());
        DesignConfig config = DesignConfig.read(f.config(), ModelShape.of(m), QuantSpec.DEFAULT);
        CompiledDesign d = DesignFlow.compile(m, config, train, seed);
        QuantizedData q = QuantizedData.of(train, d.model().scaler(), config.spec().inputQuantizer());
        Program p = d.program();
        return (double) p.countCorrect(q.q(), q.labels(), 0, q.rows(), p.scratch()) / q.rows();
    }

    /** A one-line explanation when the two disagree, else null. */
    static String disagreement(String id, double searchScore, double folderAccuracy) {
        if (searchScore == folderAccuracy) {
            return null;
        }
        return String.format("%s: the generated design's golden training accuracy is %.6f but the search scored it"
                + " %.6f: the delivered circuit is not the one explored (verification failed)", id, folderAccuracy,
                searchScore);
    }
}
