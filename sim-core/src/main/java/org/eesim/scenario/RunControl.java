package org.eesim.scenario;

/**
 * How long to run and how often.
 *
 * @param length       when a replication stops collecting: after a number of measured requests,
 *                     or after a span of simulated time past the warm-up
 * @param warmup       what is discarded first: a number of requests or a span of time
 * @param replications independent replications (each with its own seeds), at least 1
 * @param seed         the scenario seed from which every stream's seed is derived
 */
public record RunControl(Span length, Span warmup, int replications, long seed) {

    /** A number of requests or a simulated time span. */
    public sealed interface Span {
        record Requests(long count) implements Span {
            public Requests {
                if (count < 0) {
                    throw new IllegalArgumentException("request count must be >= 0, got " + count);
                }
            }
        }

        record Time(double seconds) implements Span {
            public Time {
                if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                    throw new IllegalArgumentException("time span must be >= 0, got " + seconds);
                }
            }
        }
    }

    public RunControl {
        if (length == null || warmup == null) {
            throw new IllegalArgumentException("length and warmup are required");
        }
        if (length instanceof Span.Requests r && r.count() < 1) {
            throw new IllegalArgumentException("at least one measured request is needed");
        }
        if (length instanceof Span.Time t && !(t.seconds() > 0)) {
            throw new IllegalArgumentException("the measured duration must be positive");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
    }

    /** Warm-up length in requests, or -1 when the warm-up is a time span. */
    public long warmupRequests() {
        return warmup instanceof Span.Requests r ? r.count() : -1;
    }

    /** Measured requests per replication, or -1 when the run length is a time span. */
    public long measuredRequests() {
        return length instanceof Span.Requests r ? r.count() : -1;
    }
}
