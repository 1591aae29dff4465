package org.eesim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.eesim.runner.SweepRunner;
import org.eesim.sweep.Run;

/**
 * The progress of {@code eesim run} when stderr is no terminal (a cluster task's log, a pipe): a
 * redrawn bar would fill the log with frames, so this writes one plain line when another tenth of
 * the runs is done or a minute after the last line, whichever comes first, e.g.
 * {@code [eesim] 120/1200 runs (10%), 3 of 12 points, 41.2 runs/s, about 26 s left}.
 * The rate counts this session's runs only, so a resumed sweep's estimate is not fooled by the
 * runs done before. Lines are written when a run finishes, never in between.
 */
final class ProgressLines implements SweepRunner.Progress {

    static final long MINUTE_NANOS = 60_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanos;
    private int runs;
    private int before;
    private int done;
    private int points;
    private int pointsDone;
    private long start;
    private long last;
    private int lastTenth;

    /** Writes to {@code err}, timing with {@code nanos} ({@code System::nanoTime}, or a test's clock). */
    ProgressLines(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
    }

    @Override
    public void start(int runs, int alreadyDone, int points, int pointsAlreadyDone) {
        this.runs = runs;
        this.before = alreadyDone;
        this.done = alreadyDone;
        this.points = points;
        this.pointsDone = pointsAlreadyDone;
        this.start = nanos.getAsLong();
        print(start);
    }

    @Override
    public void done(Run run, int pointsDone) {
        done++;
        this.pointsDone = pointsDone;
        long now = nanos.getAsLong();
        if (tenth(done) > lastTenth || now - last >= MINUTE_NANOS || done == runs) {
            print(now);
        }
    }

    private int tenth(int count) {
        return runs == 0 ? 10 : (int) (10L * count / runs);
    }

    private void print(long now) {
        last = now;
        lastTenth = tenth(done);
        int percent = runs == 0 ? 100 : (int) (100L * done / runs);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[eesim] %d/%d runs (%d%%), %d of %d points",
                done, runs, percent, pointsDone, points));
        double seconds = (now - start) / 1e9;
        int ran = done - before;
        if (ran > 0 && seconds > 0) {
            double rate = ran / seconds;
            b.append(", ").append(rate(rate));
            b.append(done < runs ? ", about " + duration((runs - done) / rate) + " left"
                    : ", done in " + duration(seconds));
        }
        err.println(b);
        err.flush();
    }

    /** {@code 41.2 runs/s}; slower work per minute or per hour, so that it never reads 0.0. */
    static String rate(double perSecond) {
        if (perSecond >= 1) {
            return String.format(Locale.ROOT, "%.1f runs/s", perSecond);
        }
        if (perSecond * 60 >= 1) {
            return String.format(Locale.ROOT, "%.1f runs/min", perSecond * 60);
        }
        return String.format(Locale.ROOT, "%.2g runs/h", perSecond * 3600);
    }

    /** {@code 26 s}, {@code 14 min}, {@code 3.5 h}: as precise as an estimate deserves. */
    static String duration(double seconds) {
        if (seconds < 99.5) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        if (seconds < 99.5 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
