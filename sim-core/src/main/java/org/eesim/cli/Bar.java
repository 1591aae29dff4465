package org.eesim.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.eesim.runner.SweepRunner;
import org.eesim.sweep.Run;

/**
 * The progress bar of {@code eesim run} on a terminal ({@link ProgressLines} elsewhere): runs done
 * of the slice, points complete, runs per second and the time left, from me.tongfei:progressbar
 * (it estimates the rate from this session's runs only, so a resumed sweep's ETA is not fooled by
 * the runs done before).
 */
final class Bar implements SweepRunner.Progress, AutoCloseable {

    private final PrintWriter err;
    private ProgressBar bar;
    private int points;

    Bar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void start(int runs, int alreadyDone, int points, int pointsAlreadyDone) {
        this.points = points;
        PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true, StandardCharsets.UTF_8);
        bar = new ProgressBarBuilder()
                .setTaskName("runs")
                .setInitialMax(runs)
                .startsFrom(alreadyDone, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed(new DecimalFormat("0.00"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        bar.setExtraMessage(message(pointsAlreadyDone));
    }

    private String message(int done) {
        return " points " + done + "/" + points;
    }

    @Override
    public void done(Run run, int pointsDone) {
        bar.step();
        bar.setExtraMessage(message(pointsDone));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
