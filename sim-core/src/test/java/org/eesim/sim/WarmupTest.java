package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.RunControl;
import org.junit.jupiter.api.Test;

/** A warm-up of zero is zero whatever its unit. */
class WarmupTest {

    /**
     * Every closed-loop user sends its first request at t = 0. 'warmup: 0 s' used to open the
     * window by an event scheduled after those births, so they were dropped, while 'warmup: 0'
     * kept them: both must now measure the same requests.
     */
    @Test
    void zeroSecondsAndZeroRequestsMeasureTheSameClosedLoopRequests() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.05, 0));
        b.arrival = new Arrival.Closed(4, 0.2, true);
        b.run = new RunControl(new RunControl.Span.Time(30), new RunControl.Span.Time(0), 1, 5);
        var seconds = ReplicationRunner.run(b.build(), 0).metrics();
        b.run = new RunControl(new RunControl.Span.Time(30), new RunControl.Span.Requests(0), 1, 5);
        var requests = ReplicationRunner.run(b.build(), 0).metrics();
        assertEquals(requests, seconds);
        // the four requests born at t = 0 are among them: at 0.05 s service and 0.2 s think, 30 s
        // give about 4 x 30 / 0.25 = 480 at most, fewer with the queueing of four users on one core
        double n = seconds.get("requests");
        assertEquals(true, n > 300 && n <= 30 / 0.05 + 4, "requests " + n);
    }
}
