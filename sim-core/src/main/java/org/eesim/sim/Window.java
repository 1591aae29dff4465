package org.eesim.sim;

import java.util.List;

import org.eesim.scenario.RunControl;
import org.eesim.scenario.RunControl.Span;

/**
 * The measurement window of one replication: it opens after the warm-up (a count of births or a
 * time) and closes after the run length (a count of measured births or a span), half-open,
 * [start, end); the replication has what it needs ({@link #complete()}, its stopping condition)
 * when every request born inside it has completed.
 */
final class Window {

    private final Clock events;
    private final RunControl run;
    private final List<Stations> stations;
    private final long warmupRequests;
    private final long measuredRequests;

    private long births;
    private long measuredBirths;
    private long completedMeasured;
    private boolean open;
    private boolean closed;
    private double start = Double.NaN;
    private double end = Double.NaN;

    Window(Clock events, RunControl run, List<Stations> stations) {
        this.events = events;
        this.run = run;
        this.stations = stations;
        this.warmupRequests = run.warmupRequests();
        this.measuredRequests = run.measuredRequests();
    }

    /**
     * Before the first birth is scheduled: a request born at the warm-up's end is then measured,
     * and {@code warmup: 0 s} keeps the births at t = 0 as {@code warmup: 0} does.
     */
    void start() {
        if (run.warmup() instanceof Span.Time t && t.seconds() > 0) {
            events.at(t.seconds(), () -> open(t.seconds()));
        } else if (warmupRequests <= 0) {
            open(0.0);
        }
    }

    /** A request is born now: whether it is measured. */
    boolean birth(double now) {
        if (!open && births == warmupRequests) {
            open(now);
        }
        if (open && !closed && measuredBirths == measuredRequests) {
            close(now);
        }
        births++;
        boolean measured = open && !closed;
        if (measured) {
            measuredBirths++;
        }
        return measured;
    }

    /** A measured request completed. */
    void completed() {
        completedMeasured++;
    }

    private void open(double t) {
        open = true;
        start = t;
        for (Stations s : stations) {
            s.openWindow(t);
        }
        if (run.length() instanceof Span.Time d) {
            events.at(t + d.seconds(), () -> close(t + d.seconds()));
        }
    }

    private void close(double t) {
        closed = true;
        end = t;
        for (Stations s : stations) {
            s.closeWindow(t);
        }
    }

    long births() {
        return births;
    }

    long measuredBirths() {
        return measuredBirths;
    }

    /** Whether the window closed and everything born in it completed. */
    boolean complete() {
        return closed && completedMeasured == measuredBirths;
    }

    long completedMeasured() {
        return completedMeasured;
    }

    double seconds() {
        return end - start;
    }
}
