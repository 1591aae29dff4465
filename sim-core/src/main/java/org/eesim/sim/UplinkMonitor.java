package org.eesim.sim;

import org.eesim.scenario.PolicyConfig;

/**
 * The uplink probe the seeds run: every period a sample of the rate, off by a relative normal
 * error, known after a lag; the estimate is the mean of the last {@code samples} samples (POPEX:
 * the last 5 pings). A probe sees the link's rate at the instant it is sent.
 */
final class UplinkMonitor {

    private final PolicyConfig.Monitor config;
    private final SplitMix errors;
    private final double[] window;
    private int count;
    private int next;

    UplinkMonitor(PolicyConfig.Monitor config, SplitMix errors) {
        this.config = config;
        this.errors = errors;
        this.window = new double[config.samples()];
    }

    double periodSeconds() {
        return config.periodSeconds();
    }

    double lagSeconds() {
        return config.lagSeconds();
    }

    /** One probe's sample of the true rate {@code bps}: never below 1% of it, so it stays positive. */
    double sample(double bps) {
        double e = config.relativeError() == 0 ? 0 : config.relativeError() * errors.nextGaussian();
        return bps * Math.max(0.01, 1 + e);
    }

    /** Adds a sample once it is known and returns the new estimate. */
    double add(double sample) {
        window[next] = sample;
        next = (next + 1) % window.length;
        count = Math.min(count + 1, window.length);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += window[i];
        }
        return sum / count;
    }
}
