package org.eesim.sim;

import org.eesim.scenario.Link;

/**
 * A link in one replication: its transmitters' service (bytes over the rate, which may change
 * during a transfer) and each transfer's propagation delay (with jitter, drawn per request).
 * Two named mechanisms of real links are optional ({@link Link}), both off by default: the
 * protocols' framing, which turns a message's payload into the bytes on the wire, and a
 * token-bucket shaper, whose bucket lets the first bytes after an idle spell through at once.
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

    /**
     * Bytes on the wire for a message of {@code payload} bytes: a forward message carries the
     * framing's per-message header, an answer (on a return transmitter) its own.
     */
    double wireBytes(double payload, boolean answer) {
        return link.framing().wireBytes(payload, !answer);
    }

    /**
     * Seconds a message of {@code payload} bytes takes at the nominal rate, framing included, a
     * shaper's bucket left out (offered load, the baseline loop); without framing exactly
     * {@link Link#serialisationSeconds}.
     */
    double nominalSeconds(double payload, boolean answer) {
        return link.framing().none() ? link.serialisationSeconds((long) payload)
                : wireBytes(payload, answer) * 8.0 / link.bandwidthBps();
    }

    /**
     * Transmitters of this link, one per station (return ones when {@code answer}): they serve
     * bytes, at the link's rate as it is while they go; behind a token bucket when the link has one.
     */
    Resources transmitters(Stations stations, boolean answer) {
        if (link.burstBytes() > 0) {
            return new TokenBuckets(stations, answer);
        }
        if (!link.framing().none()) {
            return rate == null ? new Transmitters(stations) {
                @Override
                public double serve(int member, double now, double bytes) {
                    return stations.admit(member, now, wireBytes(bytes, answer) * 8.0 / link.bandwidthBps());
                }
            } : new Transmitters(stations) {
                @Override
                public double serve(int member, double now, double bytes) {
                    return stations.admitBits(member, now, rate, wireBytes(bytes, answer) * 8.0);
                }
            };
        }
        // without framing, the transmitters of every scenario before these options, unchanged
        return rate == null ? new Transmitters(stations) {
            @Override
            public double serve(int member, double now, double bytes) {
                return stations.admit(member, now, link.serialisationSeconds((long) bytes));
            }
        } : new Transmitters(stations) {
            @Override
            public double serve(int member, double now, double bytes) {
                return stations.admitBits(member, now, rate, bytes * 8.0);
            }
        };
    }

    /**
     * Transmitters behind a token-bucket shaper (Linux tc {@code tbf}), one bucket per station: it
     * holds up to {@code burst} bytes of tokens and fills at the rate; a packet leaves when the
     * tokens cover it. Messages are sent whole and in FIFO order, so a message that starts with
     * {@code tau} bytes of tokens ends {@code max(0, w - tau) * 8 / rate} after its start
     * ({@code w} its bytes on the wire): the first packet of a message after an idle spell goes
     * at once, the rest at the rate, which a link of the same rate without the bucket would not
     * do. Exact as long as no packet is larger than the bucket (tbf drops those). The buckets'
     * state is in two arrays indexed by station, as {@link Stations} keeps its own.
     */
    private final class TokenBuckets extends Transmitters {
        private final double bytesPerSecond;
        private final double burst;
        private final boolean answer;
        /** Per station: tokens left when its last message ended, and when that was (NaN: never; the bucket is full). */
        private final double[] tokens;
        private final double[] lastEnd;

        TokenBuckets(Stations stations, boolean answer) {
            super(stations);
            this.bytesPerSecond = link.bandwidthBps() / 8;
            this.burst = link.burstBytes();
            this.answer = answer;
            this.tokens = new double[stations.count()];
            this.lastEnd = new double[stations.count()];
            java.util.Arrays.fill(lastEnd, Double.NaN);
        }

        @Override
        public double serve(int member, double now, double bytes) {
            double w = wireBytes(bytes, answer);
            double start = Math.max(now, stations.earliestFree(member));
            double tau = Double.isNaN(lastEnd[member]) ? burst
                    : Math.min(burst, tokens[member] + (start - lastEnd[member]) * bytesPerSecond);
            double end = stations.admit(member, now, Math.max(0, w - tau) / bytesPerSecond);
            tokens[member] = Math.max(0, tau - w);
            lastEnd[member] = end;
            return end;
        }
    }

    /** Transmitters over one link's stations; each kind says only how long a message is served. */
    private abstract static class Transmitters implements Resources {
        final Stations stations;

        Transmitters(Stations stations) {
            this.stations = stations;
        }

        @Override
        public final Stations stations() {
            return stations;
        }
    }

    Link link() {
        return link;
    }

    /** The true rate at {@code t}, bits per second. */
    double rateAt(double t) {
        return rate == null ? link.bandwidthBps() : rate.rateAt(t);
    }
}
