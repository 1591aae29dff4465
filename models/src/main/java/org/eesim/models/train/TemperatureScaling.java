package org.eesim.models.train;

/**
 * Temperature scaling (Guo et al. 2017): one T per exit minimising the negative log-likelihood
 * of softmax(logits / T) on held-out data. NLL is convex in β = 1/T (log-sum-exp of linear
 * functions minus a linear one), so a golden-section search over β finds the global minimum.
 */
public final class TemperatureScaling {

    static final double BETA_MIN = 0.02;
    static final double BETA_MAX = 20;

    private TemperatureScaling() {
    }

    public static double fit(float[][] logits, int[] labels) {
        return fit(logits, labels, "(unnamed)", 0, 1, "");
    }

    /**
     * As {@link #fit(float[][], int[])} for exit {@code exit} of {@code exits}; a NaN or infinite
     * logit (or fitted temperature) throws a {@link NonFiniteException} naming the network, the
     * exit, the sample and {@code what} (the data).
     */
    public static double fit(float[][] logits, int[] labels, String network, int exit, int exits, String what) {
        for (int n = 0; n < logits.length; n++) {
            NonFiniteException.checkLogits(logits[n], network, exit, exits, n, what);
        }
        double t = search(logits, labels);
        if (!Double.isFinite(t)) {
            throw new NonFiniteException("network '" + network + "': the temperature fitted for exit "
                    + NonFiniteException.exitName(exit, exits) + (what.isEmpty() ? "" : " on " + what) + " is " + t);
        }
        return t;
    }

    private static double search(float[][] logits, int[] labels) {
        double lo = BETA_MIN;
        double hi = BETA_MAX;
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = nll(logits, labels, a);
        double fb = nll(logits, labels, b);
        for (int it = 0; it < 80 && hi - lo > 1e-6; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(logits, labels, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(logits, labels, b);
            }
        }
        return 1 / ((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of softmax(β · logits). */
    public static double nll(float[][] logits, int[] labels, double beta) {
        double sum = 0;
        for (int n = 0; n < logits.length; n++) {
            float[] z = logits[n];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, beta * v);
            }
            double s = 0;
            for (float v : z) {
                s += Math.exp(beta * v - max);
            }
            sum += max + Math.log(s) - beta * z[labels[n]];
        }
        return sum / logits.length;
    }

    /** softmax(logits / T). */
    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v / temperature);
        }
        double[] p = new double[logits.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            s += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** Entropy of p divided by ln(classes), in [0, 1]. */
    public static double normalisedEntropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return Math.min(1, Math.max(0, h / Math.log(p.length)));
    }
}
