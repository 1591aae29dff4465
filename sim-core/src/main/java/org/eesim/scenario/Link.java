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
 * @param burstBytes    a token-bucket shaper's bucket (tc tbf's burst), 0 for none: a transfer
 *                      that starts with {@code tau} bytes of tokens ends
 *                      {@code max(0, wire - tau) * 8 / bandwidth} later, the bucket refilling at
 *                      the rate up to {@code burstBytes} while the link is idle
 * @param framing       protocol overhead added to each message's bytes on the wire
 */
public record Link(double bandwidthBps, double delaySeconds, boolean shared, double jitterSeconds,
                   BandwidthVariation variation, long burstBytes, Framing framing) {

    /** A link of constant rate and delay. */
    public Link(double bandwidthBps, double delaySeconds, boolean shared) {
        this(bandwidthBps, delaySeconds, shared, 0, null);
    }

    /** A link without a shaper's bucket or framing overhead. */
    public Link(double bandwidthBps, double delaySeconds, boolean shared, double jitterSeconds,
                BandwidthVariation variation) {
        this(bandwidthBps, delaySeconds, shared, jitterSeconds, variation, 0, Framing.NONE);
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
        if (burstBytes < 0) {
            throw new IllegalArgumentException("burst must be >= 0, got " + burstBytes);
        }
        if (burstBytes > 0 && variation != null) {
            throw new IllegalArgumentException("a token bucket (burst) on a link whose rate varies is not modelled");
        }
        if (framing == null) {
            framing = Framing.NONE;
        }
    }

    /** Seconds to send {@code bytes} of payload at the nominal rate (no framing, no bucket). */
    public double serialisationSeconds(long bytes) {
        return bytes * 8.0 / bandwidthBps;
    }
}
