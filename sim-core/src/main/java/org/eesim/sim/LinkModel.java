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

    /** Transmitters of this link, one per station: they serve bytes, at the link's rate as it is while they go. */
    Resources transmitters(Stations stations) {
        return rate == null ? new Resources() {
            @Override
            public double serve(int member, double now, double bytes) {
                return stations.admit(member, now, link.serialisationSeconds((long) bytes));
            }

            @Override
            public Stations stations() {
                return stations;
            }
        } : new Resources() {
            @Override
            public double serve(int member, double now, double bytes) {
                return stations.admitBits(member, now, rate, bytes * 8.0);
            }

            @Override
            public Stations stations() {
                return stations;
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
