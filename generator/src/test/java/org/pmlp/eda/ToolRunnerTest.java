package org.pmlp.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.ToolFailure;
import org.pmlp.testutil.RequiredTools;

/** The one way pmlp runs external tools: timeouts, failures and missing tools are reported plainly. */
class ToolRunnerTest {
    @Test
    void aTimeoutIsAToolFailureNamingTheTool() {
        RequiredTools.require("sleep");
        long start = System.nanoTime();
        ToolFailure e = assertThrows(ToolRunner.TimedOut.class,
                () -> ToolRunner.runAllowingFailure(List.of("sleep", "30"), null, 1, 0));
        assertTrue(e.getMessage().startsWith("sleep 30 timed out after 1 s"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "the tool was killed at its limit");
    }

    @Test
    void aTimeoutInsideMakeIsReportedAsATimeout() {
        RequiredTools.require("sh");
        // timeout(1) in a make recipe exits 124 and make says "Error 124".
        ToolFailure e = assertThrows(ToolRunner.TimedOut.class,
                () -> ToolRunner.run(List.of("sh", "-c", "echo working; exit 124"), null, 5));
        assertTrue(e.getMessage().contains("timed out") && e.getMessage().contains("working"), e.getMessage());
    }

    @Test
    void aFailingToolsOwnErrorOutputIsInTheMessage() {
        RequiredTools.require("sh");
        ToolFailure e = assertThrows(ToolFailure.class,
                () -> ToolRunner.run(List.of("sh", "-c", "echo first line; echo 'ERROR: no such module foo' >&2; exit 3"),
                        null, 10));
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR: no such module foo"), e.getMessage());
        assertTrue(e.getMessage().startsWith("sh -c"), e.getMessage());
        assertTrue(!(e instanceof ToolRunner.TimedOut));
    }

    @Test
    void aMissingToolIsNamedAndTellsHowToFindOut() {
        ToolFailure e = assertThrows(ToolFailure.class,
                () -> ToolRunner.run(List.of("pmlp-no-such-tool-xyz", "--version"), null, 10));
        assertTrue(e.getMessage().startsWith("pmlp-no-such-tool-xyz could not be started"), e.getMessage());
        assertTrue(e.getMessage().contains("pmlp doctor"), e.getMessage());
    }

    @Test
    void aSucceedingToolGivesItsOutputAndExitCode() {
        RequiredTools.require("sh");
        ToolRunner.Result r = ToolRunner.runAllowingFailure(List.of("sh", "-c", "echo out; echo err >&2; exit 5"), null, 10);
        assertEquals(5, r.exitCode());
        assertTrue(r.output().contains("out") && r.output().contains("err"), r.output());
    }
}
