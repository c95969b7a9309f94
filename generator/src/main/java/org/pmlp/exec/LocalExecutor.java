package org.pmlp.exec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pmlp.ToolFailure;
import org.pmlp.eda.ToolRunner;
import org.pmlp.util.Parallel;

/**
 * Runs a batch's job script on this machine, {@code jobs} tasks at a time. A job that fails is
 * a tool failure (exit 3, with its log), as it always was here: a local failure is not a
 * transient one that a second attempt would cure.
 */
public final class LocalExecutor implements Executor {
    private final int jobs;
    private final long timeoutSeconds;

    /**
     * @param timeoutSeconds the limit of one job as a whole; the tools inside keep their own limits
     */
    public LocalExecutor(int jobs, long timeoutSeconds) {
        this.jobs = Math.max(1, jobs);
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<JobResult> run(Path batchDir, List<Job> all, PrintStream log) {
        Batch batch = Batch.write(batchDir, all);
        SlurmExecutor.cancelLeftovers(batch, log);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Job j = all.get(i);
                int task = i;
                futures.add(pool.submit(() -> runOne(batch, task, j)));
            }
            List<JobResult> out = new ArrayList<>();
            for (Future<JobResult> f : futures) {
                out.add(Parallel.join(f));
            }
            return out;
        } finally {
            Parallel.shutdown(pool);
        }
    }

    private JobResult runOne(Batch batch, int task, Job j) {
        if (Batch.finished(j)) {
            return JobResult.done(j, 0);
        }
        Batch.clear(j);
        ToolRunner.runAllowingFailure(List.of("bash", batch.script().toString(), Integer.toString(task)), batch.dir(),
                timeoutSeconds);
        if (!Batch.finished(j)) {
            throw new ToolFailure("job " + j.name() + " failed: " + Batch.describeFailure(j));
        }
        return JobResult.done(j, 1);
    }
}
