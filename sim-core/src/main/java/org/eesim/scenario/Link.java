package org.eesim.scenario;

/**
 * A network link: a FIFO transmitter (serialisation {@code bytes * 8 / bandwidthBps}) followed by a
 * pure propagation delay.
 *
 * @param bandwidthBps bits per second, positive
 * @param delaySeconds one-way propagation delay, non-negative
 * @param shared       true: one transmitter shared by all senders into the receiving machine;
 *                     false: one transmitter per sender
 */
public record Link(double bandwidthBps, double delaySeconds, boolean shared) {
    public Link {
        if (!(bandwidthBps > 0) || Double.isInfinite(bandwidthBps)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite, got " + bandwidthBps);
        }
        if (!(delaySeconds >= 0) || Double.isInfinite(delaySeconds)) {
            throw new IllegalArgumentException("delay must be non-negative and finite, got " + delaySeconds);
        }
    }

    public double serialisationSeconds(long bytes) {
        return bytes * 8.0 / bandwidthBps;
    }
}
