package org.pmlp.exec;

/**
 * How a job ended: done (its status written and its outputs present), or failed after its
 * attempts, with a message that says why and ends with the last lines of its logs.
 */
public record JobResult(Job job, boolean done, int attempts, String failure) {
    static JobResult done(Job job, int attempts) {
        return new JobResult(job, true, attempts, null);
    }

    static JobResult failed(Job job, int attempts, String failure) {
        return new JobResult(job, false, attempts, failure);
    }
}
