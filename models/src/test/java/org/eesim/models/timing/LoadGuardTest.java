package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadGuardTest {

    /** No CPU-share bound (the test machine is shared), quick periods, two attempts. */
    private static final LoadGuard.Rule RULE = new LoadGuard.Rule(1.2, 20, 5, 2.2, 0.005, 0, 0.05, 2);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    private volatile double load = 0.5;
    private final List<Double> slept = new ArrayList<>();

    private LoadGuard guard(LoadGuard.Rule rule) {
        return new LoadGuard(rule, () -> load, s -> {
            slept.add(s);
            load = Math.max(0.5, load - 1);
        }, log);
    }

    private static List<double[]> none(Object value) {
        return List.of();
    }

    @Test
    void driftIsTheWorstQuartersDistanceFromTheMedian() {
        // quarters' medians 1, 1, 2, 2; overall median 1.5: 0.5 / 1.5
        assertEquals(1 / 3.0, LoadGuard.drift(new double[] {1, 1, 1, 1, 2, 2, 2, 2}), 1e-15);
        // a slow start confined to the first quarter (a network still warming up) is caught
        assertEquals(4, LoadGuard.drift(new double[] {5, 5, 1, 1, 1, 1, 1, 1}), 1e-15);
        // alternation within every quarter is noise, not drift
        assertEquals(0, LoadGuard.drift(new double[] {10, 11, 10, 11, 10, 11, 10, 11}), 0);
        assertThrows(IllegalArgumentException.class, () -> LoadGuard.drift(new double[] {1, 2, 3}));
    }

    @Test
    void aQuietMachineIsTimedOnce() throws Exception {
        LoadGuard.Outcome<String> o = guard(RULE).measure(() -> "timed", LoadGuardTest::none);
        assertEquals("timed", o.value());
        assertEquals(1, o.checks().size());
        assertTrue(o.accepted().accepted());
        assertEquals(0.5, o.accepted().loadBefore());
        assertTrue(o.accepted().loadSamples() >= 1, "at least the closing sample");
        assertEquals(List.of(), slept);
    }

    @Test
    void waitsUntilTheLoadFallsBelowTheBound() throws Exception {
        load = 3.0; // the sleeper lowers it by 1 per poll: 3.0 -> 2.0 -> 1.0
        LoadGuard.Outcome<String> o = guard(RULE).measure(() -> "timed", LoadGuardTest::none);
        assertEquals(List.of(5.0, 5.0), slept);
        assertEquals(1.0, o.accepted().loadBefore());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("load average 3.00 > 1.2: waiting (at most 20 s)"));
    }

    @Test
    void aMachineThatStaysBusyIsRefusedWithoutMeasuring() {
        AtomicInteger runs = new AtomicInteger();
        LoadGuard g = new LoadGuard(RULE, () -> 4.0, slept::add, log);
        LoadGuard.Busy busy = assertThrows(LoadGuard.Busy.class,
                () -> g.measure(() -> runs.incrementAndGet(), LoadGuardTest::none));
        assertEquals(0, runs.get());
        assertEquals(2, busy.checks().size());
        assertEquals("load average 4.00 > 1.2 after waiting 20 s", busy.checks().get(0).refusal());
        assertEquals(8, slept.size(), "20 s in 5 s polls, twice");
    }

    @Test
    void aLoadRisingDuringTheRunRepeatsIt() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        LoadGuard.Outcome<Integer> o = guard(RULE).measure(() -> {
            if (runs.incrementAndGet() == 1) {
                load = 3.0; // a neighbour starts: the closing sample sees it
            }
            return runs.get();
        }, LoadGuardTest::none);
        assertEquals(2, o.value());
        assertEquals(2, o.checks().size());
        assertEquals("load average reached 3.00 > 2.2", o.checks().get(0).refusal());
        assertTrue(o.accepted().accepted());
    }

    @Test
    void aDriftingSeriesIsRefused() {
        double[] drifting = {10, 10, 10, 10, 10, 10, 11, 11}; // last quarter 11, median 10: 10%
        double[] steady = {10, 11, 10, 11, 10, 11, 10, 11};
        LoadGuard.Busy busy = assertThrows(LoadGuard.Busy.class,
                () -> guard(RULE).measure(() -> "x", v -> List.of(steady, drifting)));
        assertEquals("drift 10.00% > 5%", busy.checks().get(0).refusal());
        assertFalse(busy.checks().get(1).accepted());
    }

    @Test
    void theCallersOwnCheckRefusesToo() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        LoadGuard.Outcome<Integer> o = guard(RULE).measure(runs::incrementAndGet, LoadGuardTest::none,
                v -> v == 1 ? "first one disturbed" : null);
        assertEquals(2, o.value());
        assertEquals("first one disturbed", o.checks().get(0).refusal());
    }

    @Test
    void aThreadOffTheCpuIsRefused() {
        // sleeping is the extreme of sharing a core: the thread's CPU time is near 0
        LoadGuard.Rule strict = new LoadGuard.Rule(1.2, 0, 5, 2.2, 0.005, 0.5, 0.05, 1);
        LoadGuard.Busy busy = assertThrows(LoadGuard.Busy.class, () -> guard(strict).measure(() -> {
            Thread.sleep(100);
            return "slept";
        }, LoadGuardTest::none));
        assertTrue(busy.checks().get(0).refusal().startsWith("CPU share 0.0"), busy.getMessage());
    }

    @Test
    void theStandardRuleSaysWhatItChecks() {
        String text = LoadGuard.Rule.standard().describe();
        assertTrue(text.contains("must be <= 1.2 (polled every 5 s, waiting at most 300 s)"), text);
        assertTrue(text.contains("stay <= 2.2"), text);
        assertTrue(text.contains(">= 0.95 of the wall time"), text);
        assertTrue(text.contains("within 5% of its overall median"), text);
        assertTrue(text.contains("at most 3 attempts"), text);
    }
}
