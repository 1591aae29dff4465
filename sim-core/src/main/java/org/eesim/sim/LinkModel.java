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

    /** A transmitter of this link: serves bytes, at the link's rate as it is while they go. */
    Resource transmitter(Station station) {
        return rate == null ? new Resource() {
            @Override
            public double serve(double now, double bytes) {
                return station.admit(now, link.serialisationSeconds((long) bytes));
            }

            @Override
            public Station station() {
                return station;
            }
        } : new Resource() {
            @Override
            public double serve(double now, double bytes) {
                return station.admitBits(now, rate, bytes * 8.0);
            }

            @Override
            public Station station() {
                return station;
            }
        };
    }

    Link link() {
        return link;
    }

    /** The true rate at {@code t}, bits per second. */
    double rateAt(double t) {
        return rate == null ? link.bandwidthBps() : rate.rateAt(t);
    }
}
