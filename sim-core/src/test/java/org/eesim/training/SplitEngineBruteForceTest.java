package org.eesim.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The seed's engine against a brute force on random profiles: every split point with int8 on and
 * off, and edge-only, timed by running the pipeline iteration by iteration (four FIFO stations,
 * iteration i admitted once i-K-1 has finished) for {@code remain} iterations, plus the seed's
 * migration cost; the least wins, ties in the seed's order. The brute force shares no code with
 * the engine, which times candidates with the closed form.
 */
class SplitEngineBruteForceTest {

    @Test
    void theEnginesChoiceIsTheBruteForceBest() {
        Random rnd = new Random(4004);
        int edgeOnlyChosen = 0;
        int int8Chosen = 0;
        for (int c = 0; c < 600; c++) {
            TrainingProfile p = randomProfile(rnd);
            double up = (1 + rnd.nextDouble() * 99) * (1 << 20);
            double down = (1 + rnd.nextDouble() * 99) * (1 << 20);
            int k = rnd.nextInt(9);
            int remain = 1 + rnd.nextInt(300);
            double qtime = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 0.05;
            int current = p.splits().get(rnd.nextInt(p.splits().size())).split();
            boolean mayQuantise = rnd.nextInt(4) != 0;
            SplitEngine.Choice engine = SplitEngine.decide(p, up, down, current, k, remain, mayQuantise, s -> qtime);
            double[] brute = bruteForce(p, up, down, current, k, remain, mayQuantise, qtime);
            String where = "case " + c + ": K = " + k + ", remain = " + remain + ", current " + current;
            assertEquals((int) brute[0], engine.split(), where);
            assertEquals(brute[1] == 1, engine.int8(), where);
            assertEquals(brute[2], engine.seconds(), 1e-9 * brute[2], where);
            edgeOnlyChosen += engine.split() == p.edgeOnly() ? 1 : 0;
            int8Chosen += engine.int8() ? 1 : 0;
        }
        // the random profiles exercise every kind of answer, not one
        org.junit.jupiter.api.Assertions.assertTrue(edgeOnlyChosen > 10 && edgeOnlyChosen < 590, "edge-only " + edgeOnlyChosen);
        org.junit.jupiter.api.Assertions.assertTrue(int8Chosen > 10 && int8Chosen < 590, "int8 " + int8Chosen);
    }

    /** {split, int8 (1/0), seconds per iteration} of the best candidate. */
    static double[] bruteForce(TrainingProfile p, double up, double down, int current, int k, int remain,
                               boolean mayQuantise, double qtime) {
        double[] best = {Double.NaN, 0, Double.POSITIVE_INFINITY};
        long from = p.row(current).edgeParamBytes();
        for (TrainingProfile.Split row : p.splits()) {
            if (row.split() == p.edgeOnly()) {
                continue;
            }
            for (int q : mayQuantise ? new int[] {1, 0} : new int[] {0}) {
                double sent = q == 1 ? row.featureBytes() / 4.0 : row.featureBytes();
                double[] stages = {row.edgeSeconds() + (q == 1 ? qtime : 0), sent / up, row.cloudSeconds(),
                    row.featureBytes() / down};
                double total = tandem(stages, k, remain) + move(from, row.edgeParamBytes(), row.split() > current, up, down);
                if (total < best[2]) {
                    best = new double[] {row.split(), q, total};
                }
            }
        }
        TrainingProfile.Split edge = p.row(p.edgeOnly());
        double total = edge.edgeSeconds() * remain + move(from, edge.edgeParamBytes(), edge.split() > current, up, down);
        if (total < best[2]) {
            best = new double[] {edge.split(), 0, total};
        }
        best[2] /= remain;
        return best;
    }

    private static double move(long from, long to, boolean toEdge, double up, double down) {
        return from == to ? 0 : Math.abs(to - from) / (toEdge ? down : up);
    }

    /** r iterations through four FIFO stations, iteration i entering once i-k-1 has left. */
    static double tandem(double[] t, int k, int r) {
        double[] free = new double[t.length];
        double[] finish = new double[r];
        for (int i = 0; i < r; i++) {
            double at = i - k - 1 >= 0 ? finish[i - k - 1] : 0;
            for (int j = 0; j < t.length; j++) {
                double start = Math.max(at, free[j]);
                free[j] = start + t[j];
                at = free[j];
            }
            finish[i] = at;
        }
        return finish[r - 1];
    }

    static TrainingProfile randomProfile(Random rnd) {
        int layers = 3 + rnd.nextInt(13);
        List<TrainingProfile.Split> rows = new ArrayList<>();
        double edge = 0;
        long params = 0;
        double cloudTotal = 0.05 + rnd.nextDouble() * 0.5;
        for (int i = 0; i < layers - 1; i++) {
            edge += 0.005 + rnd.nextDouble() * 0.1;
            params += rnd.nextInt(4_000_000);
            double cloud = cloudTotal * (1 - (i + 1.0) / layers);
            long feature = 10_000 + rnd.nextInt(40 << 20);
            rows.add(new TrainingProfile.Split(i, edge, cloud, feature, Double.NaN, params, Double.NaN));
        }
        params += rnd.nextInt(1_000_000);
        rows.add(new TrainingProfile.Split(layers - 1, edge * (0.5 + rnd.nextDouble()), 0, 0, Double.NaN, params,
                Double.NaN));
        return new TrainingProfile("random", "", Map.of(), 32, 4, layers, 0, Map.of(), rows, "test");
    }
}
