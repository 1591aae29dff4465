package org.eesim.policy;

/**
 * The TinyML split rule (seed 002), on plain arrays in any consistent units: times t_dev and
 * t_edge of layers 0..m-1, sizes S_0 (input) .. S_{m-1} (output of L layers at index L), and the
 * rate v in size units per time unit.
 *
 * <p>Stated rule: cost(edge only) = S_0/v + sum t_edge; cost(mixed at L) = sum_{j<L} t_dev
 * + S_L/v + sum_{j>=L} t_edge for L = 1..m-1; cost(device only) = sum t_dev; the argmin (first
 * on ties, in that order), reported as the number of layers run on the device (0..m).
 *
 * <p>Published code (UBICO/TinyML-Split-Computing, heyot/offload_monitor): for L = 0..m-2 it
 * charges the device for layers before L but sends S_{L+1} (the output of layer L+1), the edge
 * sum stops before the last layer, device only is reported as m-1, every cost and the rate are
 * rounded to 3 decimals, and a later option replaces the best only when strictly cheaper.
 */
public final class TinyMlRule {

    private TinyMlRule() {
    }

    public static int stated(double v, double[] tDev, double[] tEdge, long[] sizes) {
        int m = tDev.length;
        int best = 0;
        double low = sizes[0] / v + sum(tEdge, 0, m);
        for (int l = 1; l < m; l++) {
            double c = sum(tDev, 0, l) + sizes[l] / v + sum(tEdge, l, m);
            if (c < low) {
                best = l;
                low = c;
            }
        }
        return sum(tDev, 0, m) < low ? m : best;
    }

    public static int published(double v, double[] tDev, double[] tEdge, long[] sizes) {
        int n = tDev.length - 1;
        double speed = round3(v);
        int best = 0;
        double low = round3(sizes[0] / speed + sum(tEdge, 0, n + 1));
        for (int l = 0; l < n; l++) {
            double c = round3(sum(tDev, 0, l) + sizes[l + 1] / speed + sum(tEdge, l, n));
            if (c < low) {
                best = l;
                low = c;
            }
        }
        return round3(sum(tDev, 0, n + 1)) < low ? n : best;
    }

    /** The stated rule's cost of running {@code l} layers on the device (0: edge only, m: device only). */
    public static double statedCost(double v, double[] tDev, double[] tEdge, long[] sizes, int l) {
        int m = tDev.length;
        if (l == m) {
            return sum(tDev, 0, m);
        }
        return sum(tDev, 0, l) + sizes[l] / v + sum(tEdge, l, m);
    }

    /**
     * The published code's cost of its choice {@code r} (as {@link #published} returns it: m-1 is
     * device only), with its indexing and rounding: the cost that won, so for 0 the cheaper of
     * edge only and mixed at 0, which both report 0.
     */
    public static double publishedCost(double v, double[] tDev, double[] tEdge, long[] sizes, int r) {
        int n = tDev.length - 1;
        double speed = round3(v);
        if (r == n) {
            return round3(sum(tDev, 0, n + 1));
        }
        double mixed = round3(sum(tDev, 0, r) + sizes[r + 1] / speed + sum(tEdge, r, n));
        // 0 is both edge only and mixed at 0, which replaces it when strictly cheaper
        return r == 0 ? Math.min(round3(sizes[0] / speed + sum(tEdge, 0, n + 1)), mixed) : mixed;
    }

    private static double sum(double[] t, int from, int to) {
        double s = 0;
        for (int j = from; j < to; j++) {
            s += t[j];
        }
        return s;
    }

    /** Python's round(x, 3) on the values here (halves are rare in measured data). */
    private static double round3(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }
}
