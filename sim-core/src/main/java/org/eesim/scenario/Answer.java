package org.eesim.scenario;

/**
 * The answer's trip back to the device: after its last compute, a request's answer of
 * {@code bytes} crosses back every link the request crossed, in reverse order, each on its own
 * transmitter of the link's rate (links are full duplex) and after the link's delay. Without an
 * {@code answer} section a request ends where it exits, as before this option existed.
 *
 * @param bytes the answer as sent, its protocol header included (a link's {@code framing.packet}
 *              overhead is added per packet; its {@code framing.message} is not: that is the
 *              forward messages' header)
 */
public record Answer(long bytes) {
    public Answer {
        if (bytes < 0) {
            throw new IllegalArgumentException("answer bytes must be >= 0, got " + bytes);
        }
    }
}
