package org.eesim.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Seed 002: the 180 decisions its testbed logged, recomputed from the logged inputs. With the
 * published indexing every decision must match exactly (no tolerance: the rule is deterministic
 * and the inputs are the logged numbers). The stated rule's decisions on the same inputs, and
 * both rules' counts per speed band, are compared with an independent computation (a Python
 * transcription of the two formulas, run once; its output is the expected maps below).
 */
class TinyMlReproductionTest {

    static final long[] SIZES = {331776, 82944, 82944, 2048, 32};
    /** Decade bands of avg_speed, by their lower edge. */
    static final double[] BANDS = {0, 10, 100, 1000, 10000};

    record Row(double speed, double[] dev, double[] edge, int chosen) {
    }

    static List<Row> rows() throws IOException {
        Path csv = Path.of("src/test/resources/seed-002/heyot_test.csv");
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = split(line);
            if (f.get(3).isEmpty()) {
                continue; // the source's empty first row
            }
            out.add(new Row(Double.parseDouble(f.get(3)), array(f.get(5)), array(f.get(6)), Integer.parseInt(f.get(7))));
        }
        return out;
    }

    /** Splits on commas outside double quotes (the arrays are quoted). */
    static List<String> split(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        f.add(cur.toString());
        return f;
    }

    static double[] array(String s) {
        String[] parts = s.replace("[", "").replace("]", "").split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i].trim());
        }
        return v;
    }

    static String band(double speed) {
        int b = 0;
        while (b + 1 < BANDS.length && speed >= BANDS[b + 1]) {
            b++;
        }
        return String.format("%.0f+", BANDS[b]);
    }

    @Test
    void publishedIndexingReproducesAll180Decisions() throws IOException {
        List<Row> rows = rows();
        assertEquals(180, rows.size());
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int d = TinyMlRule.published(r.speed(), r.dev(), r.edge(), SIZES);
            assertEquals(r.chosen(), d, "row " + (i + 1) + " at speed " + r.speed());
            counts.merge(band(r.speed()) + " L=" + d, 1, Integer::sum);
        }
        System.out.println("published rule, decisions per speed band: " + counts);
        assertEquals(Map.of("0+ L=4", 3, "10+ L=3", 2, "100+ L=2", 43, "100+ L=3", 44, "1000+ L=2", 79,
                "1000+ L=3", 3, "10000+ L=0", 2, "10000+ L=2", 4), counts);
    }

    @Test
    void statedRuleOnTheSameInputs() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        int same = 0;
        for (Row r : rows()) {
            int d = TinyMlRule.stated(r.speed(), r.dev(), r.edge(), SIZES);
            counts.merge(band(r.speed()) + " L=" + d, 1, Integer::sum);
            same += d == r.chosen() ? 1 : 0;
        }
        System.out.println("stated rule, decisions per speed band: " + counts + "; equal to the log: " + same);
        assertEquals(Map.of("0+ L=5", 3, "10+ L=4", 2, "100+ L=3", 3, "100+ L=4", 84, "1000+ L=3", 57,
                "1000+ L=4", 25, "10000+ L=1", 2, "10000+ L=3", 4), counts);
        assertEquals(6, same);
    }

    @Test
    void statedRuleByHand() {
        // two layers: dev 10, 10; edge 1, 1; sizes S0 = 100, S1 = 10
        double[] dev = {10, 10};
        double[] edge = {1, 1};
        long[] sizes = {100, 10};
        // v = 1: edge only 100 + 2 = 102; mixed at 1: 10 + 10 + 1 = 21; device only 20 -> device only (2)
        assertEquals(2, TinyMlRule.stated(1, dev, edge, sizes));
        // v = 10: edge only 12; mixed 10 + 1 + 1 = 12 (tie: the earlier, edge only); device 20 -> 0
        assertEquals(0, TinyMlRule.stated(10, dev, edge, sizes));
        // v = 5: edge only 22; mixed 10 + 2 + 1 = 13; device 20 -> mixed at 1
        assertEquals(1, TinyMlRule.stated(5, dev, edge, sizes));
    }

    @Test
    void publishedCostIsTheCostThatWon() {
        // three layers: dev 10, 10, 10; edge 1, 1, 1; sizes S0 = 100, S1 = 10, S2 = 50; v = 1.
        // Published indexing: edge only 100 + 3 = 103; mixed at 0 sends S1: 0 + 10 + (1 + 1) = 12,
        // cheaper, and also reports 0; mixed at 1: 10 + 50 + 1 = 61; device only 30 -> 0 at 12
        double[] dev = {10, 10, 10};
        double[] edge = {1, 1, 1};
        long[] sizes = {100, 10, 50};
        assertEquals(0, TinyMlRule.published(1, dev, edge, sizes));
        assertEquals(12, TinyMlRule.publishedCost(1, dev, edge, sizes, 0), 1e-12);
        // v = 0.05: edge only 2003, mixed at 0: 202, mixed at 1: 1011, device only 30 -> device (2) at 30
        assertEquals(2, TinyMlRule.published(0.05, dev, edge, sizes));
        assertEquals(30, TinyMlRule.publishedCost(0.05, dev, edge, sizes, 2), 1e-12);
    }
}
