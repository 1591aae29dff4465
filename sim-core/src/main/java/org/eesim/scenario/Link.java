package org.eesim.scenario;

/**
 * A network link: a FIFO transmitter (serialisation {@code bytes * 8 / bandwidthBps}) followed by a
 * pure propagation delay.
 *
 * @param bandwidthBps  bits per second, positive: the rate, or with a variation the nominal rate
 *                      a policy is told when nothing monitors the link
 * @param delaySeconds  one-way propagation delay, non-negative
 * @param shared        true: one transmitter shared by all senders into the receiving machine;
 *                      false: one transmitter per sender
 * @param jitterSeconds each transfer's delay is uniform in [delay - jitter, delay + jitter]
 *                      (so its mean stays the delay); 0 <= jitter <= delay
 * @param variation     how the rate changes with time, or {@code null}: constant
 */
public record Link(double bandwidthBps, double delaySeconds, boolean shared, double jitterSeconds,
                   BandwidthVariation variation) {

    /** A link of constant rate and delay. */
    public Link(double bandwidthBps, double delaySeconds, boolean shared) {
        this(bandwidthBps, delaySeconds, shared, 0, null);
    }

    public Link {
        if (!(jitterSeconds >= 0 && jitterSeconds <= delaySeconds)) {
            throw new IllegalArgumentException("jitter must be in [0, delay], got " + jitterSeconds);
        }
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
