package org.eesim.policy;

import java.util.Arrays;
import java.util.PriorityQueue;

import org.eesim.scenario.Tier;

/**
 * POPEX's partition by shortest path. Node (k, j): j layers done, the request on tier k. Edges:
 * run layer j+1 on tier k, weighted by P(reach layer j+1) times its time plus the branches right
 * after it times P(reach that branch) (POPEX draws branches as nodes of their own; folding them
 * into the layer edge before them gives the same path lengths); or move the output of j layers to
 * a later tier, weighted by P(reach layer j+1) times the transfer time. A path from (device, 0)
 * to any (k, n) is a placement, and its length is that placement's E[T]
 * ({@link NetworkCosts#expectedSeconds}); Dijkstra finds the shortest.
 */
public final class ShortestPartition {

    /** Graph nodes are (tier, layers done): node tier * (n + 1) + layers, tiers in path order. */
    private static final Tier[] TIERS = Tier.values();

    /** The best placement and its expected time. */
    public record Result(int cut1, int cut2, double expectedSeconds) {
    }

    private ShortestPartition() {
    }

    public static Result solve(NetworkCosts c, Reach reach, double uplinkBps) {
        int n = c.layers();
        int nodes = 3 * (n + 1);
        double[] dist = new double[nodes];
        int[] prev = new int[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        boolean[] done = new boolean[nodes];
        // ties broken by node index, so the result never depends on the queue's internals
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1]));
        dist[0] = 0;
        queue.add(new double[] {0, 0});
        while (!queue.isEmpty()) {
            int u = (int) queue.poll()[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            int k = u / (n + 1);
            int j = u % (n + 1);
            if (j == n) {
                continue;
            }
            Tier at = TIERS[k];
            relax(u, node(k, j + 1, n), reach.layer(j + 1) * c.layerSeconds(j + 1, at)
                    + c.branchesAfter(j + 1, at, reach), dist, prev, queue);
            for (int to = k + 1; to < TIERS.length; to++) {
                if (c.hasTier(TIERS[to]) && (at != Tier.DEVICE || c.hasUplink())) {
                    relax(u, node(to, j, n), reach.layer(j + 1) * c.transferSeconds(j, at, TIERS[to], uplinkBps),
                            dist, prev, queue);
                }
            }
        }
        int best = -1;
        for (int k = 0; k < 3; k++) {
            int v = node(k, n, n);
            if (c.hasTier(TIERS[k]) && (best < 0 || dist[v] < dist[best])) {
                best = v;
            }
        }
        return path(best, dist[best], prev, n);
    }

    private static int node(int tier, int layers, int n) {
        return tier * (n + 1) + layers;
    }

    private static void relax(int u, int v, double w, double[] dist, int[] prev, PriorityQueue<double[]> queue) {
        double d = dist[u] + w;
        if (d < dist[v]) {
            dist[v] = d;
            prev[v] = u;
            queue.add(new double[] {d, v});
        }
    }

    /** Cuts from the path: the layer count at which it leaves the device, and the edge. */
    private static Result path(int end, double length, int[] prev, int n) {
        int cut1 = n;
        int cut2 = n;
        for (int v = end; prev[v] >= 0; v = prev[v]) {
            int u = prev[v];
            int from = u / (n + 1);
            int to = v / (n + 1);
            if (from != to) {
                int j = u % (n + 1);
                if (TIERS[from] == Tier.DEVICE) {
                    cut1 = j;
                }
                if (TIERS[to] == Tier.CLOUD) {
                    cut2 = j;
                }
            }
        }
        return new Result(cut1, cut2, length);
    }
}
