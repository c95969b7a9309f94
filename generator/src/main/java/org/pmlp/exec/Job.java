package org.pmlp.exec;

import java.nio.file.Path;
import java.util.List;

/**
 * One independent job: a command run in its own folder (on a filesystem every node shares), and
 * the files it must leave there to count as done. Its output goes to {@code job.log} in the
 * folder, and {@code job.status} is written when the command ends.
 *
 * @param name a short name for messages (e.g. the design's id)
 * @param folder absolute path of the job's folder
 * @param command the command and its arguments, run without a shell
 * @param outputs files, relative to the folder, that a finished job has made
 */
public record Job(String name, Path folder, List<String> command, List<String> outputs) {
    public Job {
        folder = folder.toAbsolutePath().normalize();
        command = List.copyOf(command);
        outputs = List.copyOf(outputs);
    }

    /** Seconds the command ran, from the job's status file (NaN when unknown). */
    public double seconds() {
        return Batch.seconds(this);
    }
}
