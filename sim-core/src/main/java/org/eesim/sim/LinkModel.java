package org.eesim.sim;

import org.eesim.scenario.Link;

/**
 * A link in one replication: its transmitters' service (bytes over the rate, which may change
 * during a transfer) and each transfer's propagation delay (with jitter, drawn per request).
 */
final class LinkModel {

    private final Link link;
    private final RateFunction rate;

    LinkModel(Link link, SplitMix bandwidthStream) {
        this.link = link;
        this.rate = RateFunction.of(link, bandwidthStream);
    }

    /** This request's propagation delay: uniform in [delay - jitter, delay + jitter]. */
    double delay(SplitMix jitter) {
        if (link.jitterSeconds() == 0) {
            return link.delaySeconds();
        }
        return link.delaySeconds() + link.jitterSeconds() * (2 * jitter.nextDouble() - 1);
    }

    /** Queues {@code bytes} at {@code transmitter} at {@code now}; returns when they reach the far end. */
    double send(Station transmitter, double now, long bytes, double delay) {
        if (rate == null) {
            return transmitter.admit(now, link.serialisationSeconds(bytes)) + delay;
        }
        double bits = bytes * 8.0;
        return transmitter.admitBits(now, rate, bits) + delay;
    }

    /** The true rate at {@code t}, bits per second. */
    double rateAt(double t) {
        return rate == null ? link.bandwidthBps() : rate.rateAt(t);
    }
}
