package org.eesim.sim;

import java.util.ArrayDeque;

/**
 * One server with a first-come-first-served queue, event by event: a job starts when the server
 * is free (and not blocked), its end is computed at its start (so a link's transfer can follow a
 * rate that changes with time), and an event at the end hands it on. Used by the training
 * pipeline, whose edge can be blocked by a full upload queue and whose jobs are created by
 * earlier jobs' ends; {@link Stations} computes ends at arrival instead, which needs neither.
 */
final class FifoServer {

    /** A job: when it ends if started at {@code start}, and what follows its start and end. */
    interface Job {
        double end(double start);

        /** Called when the job starts, with the end {@link #end} gave. */
        default void started(double start, double end) {
        }

        void done(double end);
    }

    private final Clock clock;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean blocked;
    private double busySeconds;
    private double blockedSince;
    private double blockedSeconds;
    private long jobs;

    FifoServer(Clock clock) {
        this.clock = clock;
    }

    void submit(Job job) {
        queue.add(job);
        if (!busy && !blocked) {
            next();
        }
    }

    /** No job starts until {@link #unblock}; the one in service finishes. */
    void block() {
        if (!blocked) {
            blocked = true;
            blockedSince = clock.now();
        }
    }

    void unblock() {
        if (blocked) {
            blocked = false;
            blockedSeconds += clock.now() - blockedSince;
            if (!busy) {
                next();
            }
        }
    }

    private void next() {
        Job job = queue.poll();
        if (job == null) {
            return;
        }
        busy = true;
        double start = clock.now();
        double end = job.end(start);
        busySeconds += end - start;
        jobs++;
        job.started(start, end);
        clock.at(end, () -> {
            busy = false;
            job.done(end);
            if (!busy && !blocked) {
                next();
            }
        });
    }

    /** Jobs waiting, not in service. */
    int waiting() {
        return queue.size();
    }

    boolean idle() {
        return !busy && queue.isEmpty();
    }

    double busySeconds() {
        return busySeconds;
    }

    /** Seconds blocked, up to {@code now} when still blocked. */
    double blockedSeconds(double now) {
        return blockedSeconds + (blocked ? now - blockedSince : 0);
    }

    long jobs() {
        return jobs;
    }
}
