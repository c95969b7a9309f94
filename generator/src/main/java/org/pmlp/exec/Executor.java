package org.pmlp.exec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a batch of independent jobs and reports how each ended. Every executor runs the same
 * job script ({@link Batch}), so a job's folder holds the same files whichever ran it, and a
 * job found finished in its folder (from an earlier, interrupted run with any executor) is not
 * run again.
 */
public interface Executor {
    /**
     * Runs the jobs that are not finished yet.
     *
     * @param batch a folder for the batch's script and task files (on the shared filesystem)
     * @return one result per job, in the order given
     */
    List<JobResult> run(Path batch, List<Job> jobs, PrintStream log);

    /** "local" or "slurm". */
    String name();

    /** True when a scratch folder must be on a filesystem the nodes share (not the local /tmp). */
    default boolean needsSharedFolders() {
        return false;
    }
}
