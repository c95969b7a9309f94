package org.pmlp.cli;

import java.io.PrintWriter;
import org.pmlp.ToolFailure;
import org.pmlp.UserError;
import org.pmlp.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pmlp command line. Exit codes: 0 ok, 1 verification failed, 2 user error, 3 tool failure. */
@Command(name = "pmlp", mixinStandardHelpOptions = true, version = "pmlp " + Version.VERSION,
        description = "Bespoke printed-electronics MLP classifiers: trained model -> approximate, bit-exact Verilog -> "
                + "Verilator co-simulation -> Yosys area and power.",
        subcommands = {TrainCommand.class, ImportCommand.class, GenerateCommand.class, SimulateCommand.class,
                SynthCommand.class, RunCommand.class, ExploreCommand.class, BenchCommand.class, ThroughputCommand.class, SelfCheckCommand.class, CalibrateCommand.class, KnobsCommand.class,
                DoctorCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 verification failed (mismatches), 2 user error, 3 tool failure."})
public final class Main implements Runnable {
    public static final int VERIFICATION_FAILED = 1;
    public static final int USER_ERROR = 2;
    public static final int TOOL_FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Bare `pmlp` is a mistake (a script missing its subcommand must not pass): usage on stderr, exit 2. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UserError("give a command, e.g. pmlp run --help");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // plots are written to files, never shown
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            if (ex instanceof ToolFailure) {
                err.println("tool failure: " + ex.getMessage());
                err.flush();
                return TOOL_FAILURE;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return USER_ERROR;
        });
        return cl;
    }
}
