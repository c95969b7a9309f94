package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.pmlp.model.TrainingOptions;
import picocli.CommandLine;

class RegularizationOptionsTest {
    @Test
    void theCommandLineDefaultsAreTheTrainersSoTrainAndBenchTrainAlike() {
        TrainCommand c = new TrainCommand();
        new CommandLine(c).parseArgs("--train", "t.csv", "--hidden", "3", "-o", "m.json");
        TrainingOptions defaults = TrainingOptions.defaults(new int[] {3}, 1);
        TrainingOptions cli = c.regularization.apply(defaults, c.restarts);
        assertEquals(defaults.validationFraction(), cli.validationFraction());
        assertArrayEquals(defaults.weightDecays(), cli.weightDecays());
        assertArrayEquals(defaults.inputDropouts(), cli.inputDropouts());
        assertEquals(defaults.restarts(), cli.restarts());
        assertEquals(defaults.maxEpochs(), c.epochs);
        assertFalse(cli.refit());
    }
}
