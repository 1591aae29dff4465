package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-computed schedules: end times and the busy and waiting integrals over a window. */
class StationTest {

    @Test
    void oneCoreFifo() {
        Station s = new Station("s", 1);
        s.openWindow(0);
        assertEquals(2.0, s.admit(0, 2));
        assertEquals(4.0, s.admit(1, 2), "waits for the first job: starts at 2");
        assertEquals(6.0, s.admit(5, 1));
        s.closeWindow(5.5);
        // busy in [0, 5.5]: 0-4 and 5-5.5; waiting: the second job from 1 to 2
        assertEquals(4.5, s.busyIntegral(), 1e-12);
        assertEquals(1.0, s.waitIntegral(), 1e-12);
        assertEquals(4.5 / 5.5, s.utilisation(), 1e-12);
        assertEquals(1.0 / 5.5, s.meanQueueLength(), 1e-12);
        assertEquals(3, s.jobs());
    }

    @Test
    void twoCoresWithAWindowOpenedMidway() {
        Station s = new Station("s", 2);
        assertEquals(3.0, s.admit(0, 3));
        assertEquals(1.5, s.admit(0.5, 1));
        s.openWindow(1);
        assertEquals(3.5, s.admit(1, 2), "takes the core that frees first, at 1.5");
        s.closeWindow(3.2);
        // in [1, 3.2]: core A busy 1-3 (2), core B 1-1.5 and 1.5-3.2 (2.2); the third job waits 1-1.5
        assertEquals(4.2, s.busyIntegral(), 1e-12);
        assertEquals(0.5, s.waitIntegral(), 1e-12);
        assertEquals(4.2 / (2 * 2.2), s.utilisation(), 1e-12);
    }

    @Test
    void waitingThatSpansTheWindowEdgesIsClipped() {
        Station s = new Station("s", 1);
        s.admit(0, 10);
        s.admit(1, 1); // waits 1 -> 10
        s.openWindow(4);
        s.closeWindow(6);
        assertEquals(2.0, s.busyIntegral(), 1e-12);
        assertEquals(2.0, s.waitIntegral(), 1e-12, "one job waiting throughout [4, 6]");
    }

    @Test
    void closingBeforeOpeningIsAnError() {
        assertThrows(IllegalStateException.class, () -> new Station("s", 1).closeWindow(1));
    }
}
