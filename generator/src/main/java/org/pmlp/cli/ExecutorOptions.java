package org.pmlp.cli;

import java.util.ArrayList;
import java.util.List;
import org.pmlp.UserError;
import org.pmlp.exec.Executor;
import org.pmlp.exec.LocalExecutor;
import org.pmlp.exec.SlurmExecutor;
import picocli.CommandLine.Option;

/** Where the tool runs of many designs go: this machine, or a Slurm cluster as one job array. */
final class ExecutorOptions {
    @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
            description = "Where verification jobs (make all: simulation, synthesis and netlist proof of one design) run: here, "
                    + "--jobs at a time, or as one Slurm job array (sbatch --array); with slurm the output folder must "
                    + "be on a filesystem every node shares, and the tools installed on every node (default: "
                    + "${DEFAULT-VALUE}).")
    String executor;

    @Option(names = "--slurm-opt", paramLabel = "OPT",
            description = "An sbatch option for the job arrays, passed as it is; repeatable, e.g. "
                    + "--slurm-opt=--partition=debug --slurm-opt=--time=00:30:00 --slurm-opt=--mem=2G.")
    List<String> slurmOptions = new ArrayList<>();

    boolean slurm() {
        switch (executor) {
            case "local":
                return false;
            case "slurm":
                return true;
            default:
                throw new UserError("--executor must be local or slurm, got '" + executor + "'");
        }
    }

    /**
     * The executor; with slurm, fails (exit 3) naming a missing sbatch/squeue/scancel before any
     * work.
     *
     * @param jobTimeout limit of one local job as a whole
     */
    Executor create(int jobs, long jobTimeout) {
        if (!slurm()) {
            if (!slurmOptions.isEmpty()) {
                throw new UserError("--slurm-opt needs --executor slurm");
            }
            return new LocalExecutor(jobs, jobTimeout);
        }
        SlurmExecutor ex = new SlurmExecutor(slurmOptions, 120);
        SlurmExecutor.requireCommands();
        return ex;
    }
}
