package org.eesim.scenario;

/** How each device generates requests. */
public sealed interface Arrival {

    /** Poisson arrivals at {@code ratePerSecond} per device. */
    record Poisson(double ratePerSecond) implements Arrival {
        public Poisson {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
            }
        }
    }

    /** One request every {@code intervalSeconds} per device (first one at a random phase). */
    record Deterministic(double intervalSeconds) implements Arrival {
        public Deterministic {
            if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
                throw new IllegalArgumentException("interval must be positive, got " + intervalSeconds);
            }
        }
    }

    /**
     * Closed loop: each of {@code users} users per device sends a request, waits for its answer,
     * thinks for {@code thinkSeconds} (exponentially distributed if {@code exponentialThink},
     * constant otherwise), and sends the next.
     */
    record Closed(int users, double thinkSeconds, boolean exponentialThink) implements Arrival {
        public Closed {
            if (users < 1) {
                throw new IllegalArgumentException("users must be at least 1, got " + users);
            }
            if (!(thinkSeconds >= 0) || Double.isInfinite(thinkSeconds)) {
                throw new IllegalArgumentException("think time must be non-negative, got " + thinkSeconds);
            }
        }
    }
}
