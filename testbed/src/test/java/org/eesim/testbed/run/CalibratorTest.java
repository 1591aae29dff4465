package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A calibration phase disturbed by other work is measured again, as a validation run is. */
class CalibratorTest {

    private static Phase phase(long foreignMillicores) {
        Phase p = new Phase();
        p.bytes.put("foreign_millicores", foreignMillicores);
        return p;
    }

    @Test
    void aDisturbedPhaseIsMeasuredAgainUntilQuietOrTheLastTry() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Calibrator c = new Calibrator(List.of(), new PrintStream(log, true, StandardCharsets.UTF_8), false);
        Phase quiet = phase(120);
        Deque<Phase> tries = new ArrayDeque<>(List.of(phase(1380), phase(960), quiet, phase(50)));
        assertSame(quiet, c.undisturbed("phase A", 0.3, 0, tries::removeFirst), "the first try within 0.3 cores");
        assertEquals(1, tries.size(), "no try after the quiet one");
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("phase A not kept: other processes took 1.38 cores meanwhile (limit 0.30)"), said);
        assertTrue(said.contains("(try 3 of 4)"), said);

        Phase last = phase(900);
        Deque<Phase> busy = new ArrayDeque<>(List.of(phase(1000), phase(1100), phase(1200), last, phase(0)));
        assertSame(last, c.undisturbed("phase B", 0.3, 0, busy::removeFirst), "the 4th try is kept whatever it read");
        assertEquals(1, busy.size());
    }
}
