package org.pmlp.exec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pmlp.ToolFailure;
import org.pmlp.UserError;
import org.pmlp.eda.ToolRunner;
import org.pmlp.eda.Tools;
import org.pmlp.util.Files2;

/**
 * Runs a batch as one Slurm job array ({@code sbatch --array}) of the batch's job script, then
 * polls {@code squeue} until every task has left the queue (no accounting needed: a task's own
 * {@code job.status} says how it ended). A task that ends without finishing (killed, cancelled,
 * timed out, node failure, or its command failed) is submitted once more; a second failure is
 * reported with its logs, never dropped. The arrays of a run are cancelled when pmlp exits
 * early, and a later run on the same batch folder cancels what an earlier one left queued.
 */
public final class SlurmExecutor implements Executor {
    /** Attempts per task: the first, and one re-submission. */
    static final int ATTEMPTS = 2;
    static final String SUBMITTED = "submitted.txt";
    /** A failed task's Slurm output, copied into its folder. */
    public static final String SLURM_OUTPUT = "slurm.out";
    private static final Set<String> RESERVED = Set.of("-a", "--array", "-o", "--output", "-D", "--chdir", "--parsable",
            "--wrap", "-J", "--job-name");

    private final List<String> sbatchOptions;
    private final long timeoutSeconds;

    /**
     * @param sbatchOptions passed to sbatch as they are (partition, account, time, memory, ...)
     * @param timeoutSeconds limit for one Slurm command (sbatch, squeue), not for the jobs
     */
    public SlurmExecutor(List<String> sbatchOptions, long timeoutSeconds) {
        for (String o : sbatchOptions) {
            String name = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
            if (!o.startsWith("-")) {
                throw new UserError("--slurm-opt '" + o + "': expected an sbatch option such as --partition=debug");
            }
            if (RESERVED.contains(name)) {
                throw new UserError("--slurm-opt '" + o + "': pmlp sets " + name + " itself");
            }
        }
        this.sbatchOptions = List.copyOf(sbatchOptions);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Fails (exit 3) naming the first Slurm command missing from PATH, before any work is done. */
    public static void requireCommands() {
        for (String c : List.of("sbatch", "squeue", "scancel")) {
            if (Tools.which(c) == null) {
                throw new ToolFailure(c + " not found on PATH: --executor slurm needs the Slurm client commands"
                        + " (sbatch, squeue, scancel) on this machine (Debian: apt-get install slurm-client)");
            }
        }
    }

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public boolean needsSharedFolders() {
        return true;
    }

    private static final class Task {
        final int index;
        final Job job;
        int attempts;
        long arrayJob = -1;
        JobResult result;

        Task(int index, Job job) {
            this.index = index;
            this.job = job;
        }
    }

    @Override
    public List<JobResult> run(Path batchDir, List<Job> jobs, PrintStream log) {
        requireCommands();
        Batch batch = Batch.write(batchDir, jobs);
        cancelLeftovers(batch, log);
        String jobName = jobName(batch);
        List<Task> tasks = new ArrayList<>();
        List<Task> toSubmit = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Task t = new Task(i, jobs.get(i));
            tasks.add(t);
            if (Batch.finished(t.job)) {
                t.result = JobResult.done(t.job, 0);
            } else {
                toSubmit.add(t);
            }
        }
        if (tasks.size() > toSubmit.size()) {
            log.printf("slurm: %d of %d jobs found finished in %s (an earlier run)%n", tasks.size() - toSubmit.size(),
                    tasks.size(), batch.dir());
        }
        Set<Long> active = java.util.concurrent.ConcurrentHashMap.newKeySet(); // read by the shutdown hook too
        Thread hook = new Thread(() -> cancel(active, jobName));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!toSubmit.isEmpty()) {
                submit(batch, jobName, toSubmit, active, log);
            }
            long pause = 500;
            while (tasks.stream().anyMatch(t -> t.result == null)) {
                sleep(pause);
                Set<String> queued = queued(active);
                List<Task> retry = new ArrayList<>();
                boolean changed = false;
                for (Task t : tasks) {
                    if (t.result != null) {
                        continue;
                    }
                    boolean ended = !queued.contains(t.arrayJob + "_" + t.index)
                            || Files.isRegularFile(t.job.folder().resolve(Batch.STATUS));
                    if (!ended) {
                        continue;
                    }
                    changed = true;
                    if (Batch.finished(t.job)) {
                        t.result = JobResult.done(t.job, t.attempts);
                    } else if (t.attempts < ATTEMPTS) {
                        log.printf("slurm: task %s (%d_%d) did not finish: %s%nslurm: submitting %s once more%n",
                                t.job.name(), t.arrayJob, t.index, firstLine(Batch.describeFailure(t.job)), t.job.name());
                        retry.add(t);
                    } else {
                        t.result = JobResult.failed(t.job, t.attempts, failure(batch, t));
                        log.printf("slurm: task %s failed %d times: %s%n", t.job.name(), t.attempts, t.result.failure());
                    }
                }
                active.removeIf(id -> tasks.stream().noneMatch(t -> t.result == null && t.arrayJob == id));
                if (!retry.isEmpty()) {
                    submit(batch, jobName, retry, active, log);
                }
                pause = changed ? 500 : Math.min(10_000, pause * 3 / 2);
            }
        } finally {
            cancel(active, jobName);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs
            }
        }
        return tasks.stream().map(t -> t.result).toList();
    }

    private void submit(Batch batch, String jobName, List<Task> tasks, Set<Long> active, PrintStream log) {
        for (Task t : tasks) {
            Batch.clear(t.job);
            t.attempts++;
        }
        try {
            Files.createDirectories(batch.dir().resolve("slurm"));
        } catch (IOException e) {
            throw new ToolFailure(batch.dir() + ": cannot create slurm/: " + e.getMessage());
        }
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + jobName,
                "--array=" + indices(tasks), "--chdir=" + batch.dir(), "--output=slurm/%A_%a.out"));
        cmd.addAll(sbatchOptions);
        cmd.add(batch.script().toString());
        String out = ToolRunner.run(cmd, batch.dir(), timeoutSeconds).output().strip();
        long id;
        try {
            String last = out.lines().reduce((a, b) -> b).orElse("");
            id = Long.parseLong(last.split(";")[0].strip());
        } catch (NumberFormatException e) {
            throw new ToolFailure("sbatch printed no job id:\n" + ToolRunner.tail(out, 10));
        }
        active.add(id);
        tasks.forEach(t -> t.arrayJob = id);
        try {
            Files.writeString(batch.dir().resolve(SUBMITTED), id + " " + jobName + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ToolFailure(batch.dir() + ": cannot record the submitted job: " + e.getMessage());
        }
        log.printf("slurm: submitted job array %d (%d tasks) from %s%n", id, tasks.size(), batch.dir());
    }

    /** "3,5,7-12": the tasks' indices as sbatch --array takes them. */
    static String indices(List<Task> tasks) {
        List<Integer> ix = tasks.stream().map(t -> t.index).sorted().toList();
        return ranges(ix);
    }

    static String ranges(List<Integer> ix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ix.size(); ) {
            int j = i;
            while (j + 1 < ix.size() && ix.get(j + 1) == ix.get(j) + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(ix.get(i));
            if (j > i) {
                sb.append('-').append(ix.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** "ARRAYJOB_TASK" of every task of these arrays still queued or running. */
    private Set<String> queued(Set<Long> arrays) {
        Set<String> out = new HashSet<>();
        if (arrays.isEmpty()) {
            return out;
        }
        List<String> ids = arrays.stream().map(Object::toString).toList();
        for (int attempt = 1; ; attempt++) {
            ToolRunner.Result r = ToolRunner.runAllowingFailure(List.of("squeue", "-h", "-r", "-j", String.join(",", ids),
                    "-o", "%F_%K"), null, timeoutSeconds);
            if (r.exitCode() == 0) {
                r.output().lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
                return out;
            }
            if (r.output().contains("Invalid job id")) {
                return out; // every array has ended and left the controller's memory
            }
            if (attempt >= 10) {
                throw new ToolFailure("squeue keeps failing (is slurmctld reachable?):\n" + ToolRunner.tail(r.output(), 10));
            }
            sleep(3000L * attempt);
        }
    }

    private String failure(Batch batch, Task t) {
        StringBuilder sb = new StringBuilder(Batch.describeFailure(t.job));
        String state = accountedState(t);
        if (state != null) {
            sb.append("\nSlurm state of ").append(t.arrayJob).append('_').append(t.index).append(": ").append(state);
        }
        Path out = batch.dir().resolve("slurm").resolve(t.arrayJob + "_" + t.index + ".out");
        if (Files.isRegularFile(out)) {
            // Kept beside job.log: the batch folder goes once the results are gathered.
            Path kept = t.job.folder().resolve(SLURM_OUTPUT);
            try {
                Files.copy(out, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                sb.append(Batch.tail(kept, 10).replace("last lines of " + kept.getFileName(), "Slurm output " + kept));
            } catch (IOException e) {
                sb.append(Batch.tail(out, 10).replace("last lines of " + out.getFileName(), "Slurm output " + out));
            }
        }
        return sb.toString();
    }

    /** The state sacct knows for a task, or null without accounting. */
    private String accountedState(Task t) {
        if (Tools.which("sacct") == null) {
            return null;
        }
        ToolRunner.Result r = ToolRunner.runAllowingFailure(List.of("sacct", "-n", "-P", "-X", "-j",
                t.arrayJob + "_" + t.index, "-o", "State"), null, timeoutSeconds);
        String s = r.output().strip();
        return r.exitCode() != 0 || s.isEmpty() || s.contains("disabled") ? null : s.lines().findFirst().orElse(null);
    }

    private void cancel(Set<Long> arrays, String jobName) {
        if (arrays.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("scancel", "--name=" + jobName));
        arrays.forEach(a -> cmd.add(Long.toString(a)));
        try {
            ToolRunner.runAllowingFailure(cmd, null, 60);
        } catch (RuntimeException e) {
            // best effort while shutting down
        }
        arrays.clear();
    }

    /**
     * Cancels what an earlier, interrupted run on this batch folder left queued or running, and
     * waits until it is gone, so no stale task writes into a folder a new attempt uses. Only jobs
     * with this batch's own name are touched (ids restart when a cluster is rebuilt).
     */
    static void cancelLeftovers(Batch batch, PrintStream log) {
        Path f = batch.dir().resolve(SUBMITTED);
        if (!Files.isRegularFile(f) || Tools.which("scancel") == null || Tools.which("squeue") == null) {
            return;
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String line : Files2.read(f).split("\n")) {
            String[] p = line.strip().split(" ");
            if (p.length == 2 && p[0].matches("\\d+")) {
                ids.put(p[0], p[1]);
            }
        }
        String name = jobName(batch);
        List<String> mine = ids.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
        if (!mine.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("scancel", "--name=" + name));
            cmd.addAll(mine);
            ToolRunner.runAllowingFailure(cmd, null, 60);
            for (int i = 0; i < 120; i++) {
                ToolRunner.Result r = ToolRunner.runAllowingFailure(List.of("squeue", "-h", "-j", String.join(",", mine),
                        "-n", name, "-o", "%i"), null, 60);
                if (r.exitCode() != 0 || r.output().isBlank()) {
                    break;
                }
                if (i == 0) {
                    log.println("slurm: waiting for the jobs an earlier run left to be cancelled");
                }
                sleep(1000);
            }
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new ToolFailure(f + ": cannot be removed: " + e.getMessage());
        }
    }

    /** A name unique to the batch folder, so cancelling never touches anyone else's jobs. */
    static String jobName(Batch batch) {
        return "pmlp-" + Integer.toHexString(batch.dir().toString().hashCode());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure("interrupted while waiting for Slurm");
        }
    }
}
