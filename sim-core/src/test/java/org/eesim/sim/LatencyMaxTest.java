package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.ServiceTimeModel;
import org.junit.jupiter.api.Test;

/** latency.max is the largest latency itself, not the histogram's bucket (within 0.1%). */
class LatencyMaxTest {

    @Test
    void theMaximumIsExact() {
        var b = Fixtures.builder(Fixtures.oneLayer(0.123456789, 0));
        b.time = ServiceTimeModel.MEAN;
        b.arrival = new Arrival.Deterministic(1.0); // no queue: every latency is the service time
        b.run = Fixtures.requests(50, 0, 1, 3);
        var m = ReplicationRunner.run(b.build(), 0).metrics();
        // birth + service - birth: exact to a few ulps of the birth time
        assertEquals(0.123456789, m.get("latency.max"), 1e-12);
        // the histogram's quantiles are not exact (3 significant digits): a return to its max would fail
        assertTrue(Math.abs(m.get("latency.p99") - 0.123456789) > 1e-9, "p99 " + m.get("latency.p99"));
    }
}
