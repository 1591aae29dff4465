package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-computed schedules: end times and the busy and waiting integrals over a window. */
class StationsTest {

    @Test
    void oneCoreFifo() {
        Stations s = new Stations("s", 1, 1);
        s.openWindow(0);
        assertEquals(2.0, s.admit(0, 0, 2));
        assertEquals(4.0, s.admit(0, 1, 2), "waits for the first job: starts at 2");
        assertEquals(6.0, s.admit(0, 5, 1));
        s.closeWindow(5.5);
        // busy in [0, 5.5]: 0-4 and 5-5.5; waiting: the second job from 1 to 2
        assertEquals(4.5, s.busyIntegral(0), 1e-12);
        assertEquals(1.0, s.waitIntegral(0), 1e-12);
        assertEquals(4.5 / 5.5, s.utilisation(0), 1e-12);
        assertEquals(1.0 / 5.5, s.meanQueueLength(0), 1e-12);
        assertEquals(3, s.jobs());
    }

    @Test
    void twoCoresWithAWindowOpenedMidway() {
        Stations s = new Stations("s", 1, 2);
        assertEquals(3.0, s.admit(0, 0, 3));
        assertEquals(1.5, s.admit(0, 0.5, 1));
        s.openWindow(1);
        assertEquals(3.5, s.admit(0, 1, 2), "takes the core that frees first, at 1.5");
        s.closeWindow(3.2);
        // in [1, 3.2]: core A busy 1-3 (2), core B 1-1.5 and 1.5-3.2 (2.2); the third job waits 1-1.5
        assertEquals(4.2, s.busyIntegral(0), 1e-12);
        assertEquals(0.5, s.waitIntegral(0), 1e-12);
        assertEquals(4.2 / (2 * 2.2), s.utilisation(0), 1e-12);
    }

    @Test
    void waitingThatSpansTheWindowEdgesIsClipped() {
        Stations s = new Stations("s", 1, 1);
        s.admit(0, 0, 10);
        s.admit(0, 1, 1); // waits 1 -> 10
        s.openWindow(4);
        s.closeWindow(6);
        assertEquals(2.0, s.busyIntegral(0), 1e-12);
        assertEquals(2.0, s.waitIntegral(0), 1e-12, "one job waiting throughout [4, 6]");
    }

    /**
     * Two stations of one core kept apart. Station 0: a job at 0 for 4 s, one at 1 that waits
     * until 4, one at 7 that finds it idle (the ring still holds the start 4, now past, which must
     * not count). The window [7.5, 8.5]: the third job busy 7.5-8, a fourth (at 7.6, 1 s) waits
     * until 8 and is busy 8-8.5: busy 1.0, waiting 0.4. Station 1's only job ended at 3: nothing.
     */
    @Test
    void stationsAreIndependentAndStartsPastAreNotCountedAsWaiting() {
        Stations s = new Stations("s", 2, 1);
        assertEquals(4.0, s.admit(0, 0, 4));
        assertEquals(6.0, s.admit(0, 1, 2));
        assertEquals(1, s.waiting(0, 1));
        assertEquals(3.0, s.admit(1, 2, 1), "station 1 does not wait for station 0");
        assertEquals(8.0, s.admit(0, 7, 1));
        assertEquals(0, s.waiting(0, 7));
        s.openWindow(7.5);
        assertEquals(9.0, s.admit(0, 7.6, 1));
        assertEquals(1, s.waiting(0, 7.7));
        s.closeWindow(8.5);
        assertEquals(1.0, s.busyIntegral(0), 1e-12);
        assertEquals(0.4, s.waitIntegral(0), 1e-12);
        assertEquals(0.0, s.busyIntegral(1));
        assertEquals(0.0, s.waitIntegral(1));
        assertEquals("s-1", s.name(1));
    }

    @Test
    void closingBeforeOpeningIsAnError() {
        assertThrows(IllegalStateException.class, () -> new Stations("s", 1, 1).closeWindow(1));
    }
}
