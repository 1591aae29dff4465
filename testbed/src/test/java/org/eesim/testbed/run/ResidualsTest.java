package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eesim.scenario.Framing;
import org.junit.jupiter.api.Test;

/**
 * The calibration's framing against what a capture of the uplink showed (tcpdump, 4 Mbps): a
 * request of 3136 B of tensor went as a 193 B header packet and 1448 + 1448 + 240 B, its answer as
 * 116 B of header and 80 B of body, every packet with 66 B of TCP/IP/Ethernet headers.
 */
class ResidualsTest {

    @Test
    void aRequestOnTheWireAsCaptured() {
        Framing f = new Framing(193 + Calibrator.PACKET, Calibrator.PACKET, Calibrator.MSS);
        double captured = (193 + 66) + (1448 + 66) + (1448 + 66) + (240 + 66);
        assertEquals(captured, f.wireBytes(3136, true), 1e-9);
        assertEquals(3593, captured, 0);
    }

    @Test
    void anAnswerOnTheWireAsCaptured() {
        Framing f = new Framing(0, Calibrator.PACKET, Calibrator.MSS);
        long answer = 116 + 80 + Calibrator.PACKET;
        assertEquals((116 + 66) + (80 + 66), f.wireBytes(answer, false), 1e-9);
    }
}
