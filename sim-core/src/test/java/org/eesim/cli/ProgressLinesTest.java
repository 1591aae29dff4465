package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.eesim.sweep.Run;
import org.junit.jupiter.api.Test;

/** The plain progress lines a log file gets: when they come, what they say, and no bar frames. */
class ProgressLinesTest {

    private long now;
    private final StringWriter out = new StringWriter();
    private final ProgressLines lines = new ProgressLines(new PrintWriter(out), () -> now);

    /** Finishes {@code count} runs, {@code seconds} apart, completing a point every {@code perPoint}. */
    private void finish(int count, double seconds, int from, int perPoint) {
        for (int i = from; i < from + count; i++) {
            now += (long) (seconds * 1e9);
            lines.done(new Run(i / perPoint, i % perPoint), (i + 1) / perPoint);
        }
    }

    @Test
    void aLineEveryTenthOfTheRunsWithRateAndTimeLeft() {
        lines.start(1200, 0, 12, 0);
        finish(1200, 1 / 40.0, 0, 100);
        List<String> got = out.toString().lines().toList();
        assertEquals(11, got.size(), out.toString());
        assertEquals("[eesim] 0/1200 runs (0%), 0 of 12 points", got.get(0));
        assertEquals("[eesim] 120/1200 runs (10%), 1 of 12 points, 40.0 runs/s, about 27 s left", got.get(1));
        assertEquals("[eesim] 600/1200 runs (50%), 6 of 12 points, 40.0 runs/s, about 15 s left", got.get(5));
        assertEquals("[eesim] 1200/1200 runs (100%), 12 of 12 points, 40.0 runs/s, done in 30 s", got.get(10));
        assertFalse(out.toString().contains("\r"), "no redrawn frames");
    }

    @Test
    void slowRunsGetALineAMinuteRatherThanATenth() {
        lines.start(1000, 0, 10, 0);
        finish(6, 25, 0, 100); // lines after 75 s (3 runs) and 150 s (6 runs), not at 100 runs
        List<String> got = out.toString().lines().toList();
        assertEquals(List.of("[eesim] 0/1000 runs (0%), 0 of 10 points",
                "[eesim] 3/1000 runs (0%), 0 of 10 points, 2.4 runs/min, about 6.9 h left",
                "[eesim] 6/1000 runs (0%), 0 of 10 points, 2.4 runs/min, about 6.9 h left"), got);
    }

    @Test
    void aResumedSweepCountsOnlyThisSessionsRunsInItsRate() {
        lines.start(20, 10, 4, 2);
        finish(10, 2, 10, 5);
        List<String> got = out.toString().lines().toList();
        assertEquals("[eesim] 10/20 runs (50%), 2 of 4 points", got.get(0));
        assertEquals("[eesim] 12/20 runs (60%), 2 of 4 points, 30.0 runs/min, about 16 s left", got.get(1));
        assertEquals("[eesim] 20/20 runs (100%), 4 of 4 points, 30.0 runs/min, done in 20 s", got.get(got.size() - 1));
        assertEquals(6, got.size(), out.toString());
    }

    @Test
    void durationsAndRatesReadAsEstimates() {
        assertEquals("1 s", ProgressLines.duration(0.2));
        assertEquals("99 s", ProgressLines.duration(99.4));
        assertEquals("2 min", ProgressLines.duration(100));
        assertEquals("99 min", ProgressLines.duration(99.4 * 60));
        assertEquals("1.7 h", ProgressLines.duration(100 * 60));
        assertEquals("41.2 runs/s", ProgressLines.rate(41.2));
        assertEquals("1.5 runs/min", ProgressLines.rate(1.5 / 60));
        assertEquals("3.0 runs/h", ProgressLines.rate(3.0 / 3600));
    }
}
