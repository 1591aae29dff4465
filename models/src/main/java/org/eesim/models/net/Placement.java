package org.eesim.models.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Where side branches go, by cumulative FLOPs as in the seeds' early-exit code: branch i
 * (0-based, of n) targets a FLOPs budget t_i and follows the first layer whose cumulative FLOPs
 * reach t_i. Linear: t_i = F(i+1)/(n+1); pareto: t_i = F(1 - 0.8^(i+1)); F the backbone's
 * total. Never after the last layer (that is the final exit) and never two at one layer: a
 * collision moves to the next free layer, and a branch with no layer left is an error.
 */
public final class Placement {

    private Placement() {
    }

    public static double[] linearTargets(double totalFlops, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = totalFlops * (i + 1) / (n + 1);
        }
        return t;
    }

    public static double[] paretoTargets(double totalFlops, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = totalFlops * (1 - Math.pow(0.8, i + 1));
        }
        return t;
    }

    /** Targets by distribution name: {@code linear} or {@code pareto}. */
    public static double[] targets(String distribution, double totalFlops, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of branches must be >= 1, got " + n);
        }
        return switch (distribution) {
            case "linear" -> linearTargets(totalFlops, n);
            case "pareto" -> paretoTargets(totalFlops, n);
            default -> throw new IllegalArgumentException(
                    "unknown branch distribution '" + distribution + "' (linear, pareto or explicit positions)");
        };
    }

    /**
     * 0-based indices of the layers the branches follow, in order.
     *
     * @param layerFlops FLOPs of each backbone layer, in network order
     */
    public static List<Integer> place(long[] layerFlops, double[] targets) {
        long total = 0;
        long[] cumulative = new long[layerFlops.length];
        for (int k = 0; k < layerFlops.length; k++) {
            total += layerFlops[k];
            cumulative[k] = total;
        }
        List<Integer> after = new ArrayList<>();
        int next = 0;
        for (double t : targets) {
            int k = next;
            while (k < layerFlops.length - 1 && cumulative[k] < t) {
                k++;
            }
            if (k >= layerFlops.length - 1) {
                throw new IllegalArgumentException("no layer left for a branch at " + t + " FLOPs (total " + total
                        + ", " + layerFlops.length + " layers, branches so far after " + after + ")");
            }
            after.add(k);
            next = k + 1;
        }
        return after;
    }

    /** Explicit 1-based layer numbers, checked and turned into 0-based indices. */
    public static List<Integer> explicit(List<Integer> oneBased, int layerCount) {
        List<Integer> after = new ArrayList<>();
        int previous = 0;
        for (int p : oneBased) {
            if (p <= previous || p >= layerCount) {
                throw new IllegalArgumentException("branch positions must increase and lie in 1.." + (layerCount - 1)
                        + " (layer numbers, the last layer is the final exit): " + oneBased);
            }
            after.add(p - 1);
            previous = p;
        }
        return after;
    }
}
