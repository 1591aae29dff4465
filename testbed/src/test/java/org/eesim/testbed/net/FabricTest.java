package org.eesim.testbed.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shapers' drop counters as {@code tc -s qdisc show} prints them (iproute2 6.x, a tbf root qdisc). */
class FabricTest {

    @Test
    void dropsAreReadFromTcStatistics() {
        String tbf = "qdisc tbf 8001: root refcnt 2 rate 4Mbit burst 1600b lat 8.0s \n"
                + " Sent 1826354 bytes 1392 pkt (dropped 3, overlimits 877 requeues 0) \n"
                + " backlog 0b 0p requeues 0\n";
        assertEquals(3, Fabric.dropped(tbf));
        assertEquals(5, Fabric.dropped(tbf + tbf.replace("dropped 3", "dropped 2")), "summed over qdiscs");
        assertEquals(0, Fabric.dropped(" Sent 0 bytes 0 pkt (dropped 0, overlimits 0 requeues 0)\n"));
        assertEquals(0, Fabric.dropped(""), "no qdisc: nothing dropped");
    }
}
