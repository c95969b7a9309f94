package org.pmlp.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pmlp.ToolFailure;
import org.pmlp.UserError;
import org.pmlp.eda.ToolRunner;
import org.pmlp.util.Files2;

/**
 * A batch folder: the job script every executor runs, and one task file per job (task N is the
 * N-th job). The script takes its task number from its argument or from Slurm's array task id,
 * so a local run and a Slurm job array run exactly the same thing. Task files hold the job's
 * folder and command separated by NUL bytes: the script never interprets them as shell code,
 * whatever characters the paths contain.
 */
final class Batch {
    static final String SCRIPT = "pmlp-job.sh";
    static final String STATUS = "job.status";
    static final String LOG = "job.log";

    private static final String SCRIPT_TEXT = """
            #!/bin/bash
            # Written by pmlp: runs task N of this batch (N is the first argument, or Slurm's array task id).
            # tasks/N holds, separated by NUL bytes, the task's folder and then its command. The command runs in
            # that folder with its output in job.log; job.status (exit code, then seconds) is written when it
            # ends, so a task without job.status was killed, cancelled or timed out.
            set -u
            i="${1:-${SLURM_ARRAY_TASK_ID:?no task number: give one, or run as a Slurm array task}}"
            mapfile -d '' -t task < "tasks/$i" || exit 90
            cd "${task[0]}" || exit 91
            rm -f job.status
            start=$(date +%s%N)
            "${task[@]:1}" > job.log 2>&1 < /dev/null
            rc=$?
            ms=$(( ($(date +%s%N) - start) / 1000000 ))
            printf '%d\\n%d.%03d\\n' "$rc" $((ms / 1000)) $((ms % 1000)) > job.status.tmp && mv -f job.status.tmp job.status
            exit "$rc"
            """;

    private final Path dir;
    private final List<Job> jobs;

    private Batch(Path dir, List<Job> jobs) {
        this.dir = dir;
        this.jobs = jobs;
    }

    /** Writes the script and the task files. */
    static Batch write(Path dir, List<Job> jobs) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.resolve("tasks"));
            Files2.writeAtomically(abs.resolve(SCRIPT), SCRIPT_TEXT);
            abs.resolve(SCRIPT).toFile().setExecutable(true);
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                StringBuilder sb = new StringBuilder(j.folder().toString()).append('\0');
                for (String a : j.command()) {
                    if (a.indexOf('\0') >= 0) {
                        throw new UserError("a job argument contains a NUL byte: " + a.replace('\0', '?'));
                    }
                    sb.append(a).append('\0');
                }
                Files2.writeAtomically(abs.resolve("tasks").resolve(Integer.toString(i)), sb.toString());
            }
        } catch (IOException e) {
            throw new ToolFailure(abs + ": cannot write the batch folder: " + e.getMessage());
        }
        return new Batch(abs, List.copyOf(jobs));
    }

    Path dir() {
        return dir;
    }

    Path script() {
        return dir.resolve(SCRIPT);
    }

    List<Job> jobs() {
        return jobs;
    }

    /** A job is finished when it wrote its status and left all its outputs. */
    static boolean finished(Job j) {
        if (!Files.isRegularFile(j.folder().resolve(STATUS))) {
            return false;
        }
        for (String o : j.outputs()) {
            if (!Files.isRegularFile(j.folder().resolve(o))) {
                return false;
            }
        }
        return true;
    }

    /** Removes what an earlier attempt left (status, log, outputs), so nothing partial is taken for done. */
    static void clear(Job j) {
        try {
            Files.deleteIfExists(j.folder().resolve(STATUS));
            Files.deleteIfExists(j.folder().resolve(LOG));
            for (String o : j.outputs()) {
                Files.deleteIfExists(j.folder().resolve(o));
            }
        } catch (IOException e) {
            throw new ToolFailure(j.folder() + ": cannot clear an earlier attempt: " + e.getMessage());
        }
    }

    /** The exit code in the job's status file, or null when there is none. */
    static Integer exitCode(Job j) {
        Path s = j.folder().resolve(STATUS);
        try {
            return Files.isRegularFile(s) ? Integer.valueOf(Files.readString(s).strip().split("\\s+")[0]) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Seconds the job's command ran, from its status file (NaN when unknown). */
    static double seconds(Job j) {
        Path s = j.folder().resolve(STATUS);
        try {
            String[] f = Files.readString(s).strip().split("\\s+");
            return f.length > 1 ? Double.parseDouble(f[1]) : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Why a job is not done, with the last lines of its log. */
    static String describeFailure(Job j) {
        StringBuilder sb = new StringBuilder();
        Integer rc = exitCode(j);
        if (rc == null) {
            sb.append("no exit status (killed, cancelled or timed out)");
        } else {
            sb.append("`").append(String.join(" ", j.command())).append("` exited ").append(rc);
            List<String> missing = j.outputs().stream().filter(o -> !Files.isRegularFile(j.folder().resolve(o))).toList();
            if (!missing.isEmpty()) {
                sb.append(" without making ").append(String.join(", ", missing));
            }
        }
        Path log = j.folder().resolve(LOG);
        sb.append("; log: ").append(log);
        sb.append(tail(log, 20));
        return sb.toString();
    }

    /** The last lines of a file, indented, or "" when it is absent or empty. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.isRegularFile(file)) {
                return "";
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.isBlank() ? "" : "\nlast lines of " + file.getFileName() + ":\n" + ToolRunner.tail(text, lines);
        } catch (IOException e) {
            return "";
        }
    }
}
