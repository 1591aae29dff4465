package org.eesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eesim.sweep.SweepFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * points.csv and summary_wide.csv as pandas wants them: quantities as numbers in SI units beside
 * the written values, and one row per point with every metric's mean and interval, no pivot. The
 * contract is checked in Java always, and with pandas itself when python3 has it.
 */
class WideTablesTest {

    /** One key of each kind of quantity, a plain number and a mapping, zipped into three points. */
    static final String SWEEP = """
            sweep:
              combine: zip
              over:
                - {key: links.uplink.bandwidth, values: [2 Mbps, 6.32456 Mbps, 20 Mbps]}
                - {key: links.uplink.delay, values: [5 ms, 1 s, 250 us]}
                - {key: workload.arrival.rate, values: [10/s, 20/min, 5 Hz]}
                - {key: early_exit.threshold, values: [0.5, 0.7, 0.9]}
                - {key: workload.mix, values: [{pristine: 1}, {blur-3: 1}, {pristine: 1, blur-3: 1}]}
            """;
    static final Set<String> WRITTEN = Set.of("links.uplink.bandwidth", "links.uplink.delay", "workload.arrival.rate",
            "workload.mix");

    @TempDir
    static Path dir;
    static Path folder;

    @BeforeAll
    static void run() {
        folder = SweepCommandsTest.run(SweepFiles.write(dir, "wide", 300, 3, SWEEP), "--threads", "2");
    }

    @Test
    void pointsHoldEachQuantityInSiUnitsBesideItsWrittenValue() throws IOException {
        List<String> points = Files.readAllLines(folder.resolve("points.csv"));
        assertEquals("point,links.uplink.bandwidth,links.uplink.bandwidth_bps,links.uplink.delay,links.uplink.delay_s,"
                + "workload.arrival.rate,workload.arrival.rate_per_s,early_exit.threshold,workload.mix,seed",
                points.get(0));
        assertTrue(points.get(1).startsWith("0,2 Mbps,2000000,5 ms,0.005,10/s,10,0.5,{pristine: 1},"), points.get(1));
        assertTrue(points.get(2).startsWith("1,6.32456 Mbps,6324560,1 s,1,20/min,0.3333333333333333,0.7,{blur-3: 1},"),
                points.get(2));
        assertTrue(points.get(3).startsWith("2,20 Mbps,20000000,250 us,0.00025,5 Hz,5,0.9,\"{pristine: 1, blur-3: 1}\","),
                points.get(3));
    }

    @Test
    void theWideSummaryHasOneRowPerPointAndTheLongSummarysNumbers() throws IOException {
        List<List<String>> wide = Files.readAllLines(folder.resolve("summary_wide.csv")).stream()
                .map(WideTablesTest::fields).toList();
        List<String> header = wide.get(0);
        assertEquals(header.size(), new HashSet<>(header).size(), "unique column names: " + header);
        assertEquals(List.of("point", "links.uplink.bandwidth", "links.uplink.bandwidth_bps", "links.uplink.delay",
                "links.uplink.delay_s", "workload.arrival.rate", "workload.arrival.rate_per_s", "early_exit.threshold",
                "workload.mix", "n"), header.subList(0, 10));
        assertEquals(4, wide.size(), "a header and one row per point");
        for (List<String> row : wide.subList(1, wide.size())) {
            assertEquals(header.size(), row.size(), row.toString());
            for (int c = 0; c < header.size(); c++) {
                if (!WRITTEN.contains(header.get(c))) {
                    Double.parseDouble(row.get(c)); // every other column is a number (NaN included)
                }
            }
        }
        // Every number of summary.csv (but sd) is in the wide table, at its point and metric.
        Map<String, String> cell = new HashMap<>();
        for (List<String> row : wide.subList(1, wide.size())) {
            for (int c = 0; c < header.size(); c++) {
                cell.put(row.get(0) + "/" + header.get(c), row.get(c));
            }
        }
        List<String> summary = Files.readAllLines(folder.resolve("summary.csv"));
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",");
            assertEquals(f[2], cell.get(f[0] + "/n"), line);
            assertEquals(f[3], cell.get(f[0] + "/" + f[1] + "_mean"), line);
            assertEquals(f[5], cell.get(f[0] + "/" + f[1] + "_ci_low"), line);
            assertEquals(f[6], cell.get(f[0] + "/" + f[1] + "_ci_high"), line);
        }
        int metrics = (summary.size() - 1) / 3; // summary.csv: a row per point and metric
        assertEquals(10 + 3 * metrics, header.size(), "three columns per metric");
    }

    @Test
    void pandasReadsThemAsTheyAre() throws IOException, InterruptedException {
        String python = pythonWithPandas();
        Assumptions.assumeTrue(python != null, "no python3 with pandas (apt-get install python3-pandas)");
        Path script = dir.resolve("check.py");
        Files.writeString(script, """
                import sys
                import pandas as pd
                from pandas.api.types import is_numeric_dtype
                d = sys.argv[1]
                points = pd.read_csv(d + "/points.csv")
                wide = pd.read_csv(d + "/summary_wide.csv")
                long = pd.read_csv(d + "/summary.csv")
                assert wide.columns.is_unique
                assert list(wide["point"]) == [0, 1, 2], wide["point"]
                for c in ["links.uplink.bandwidth_bps", "links.uplink.delay_s", "workload.arrival.rate_per_s",
                          "early_exit.threshold"]:
                    assert is_numeric_dtype(points[c]) and is_numeric_dtype(wide[c]), c
                assert list(wide["links.uplink.bandwidth_bps"]) == [2e6, 6324560, 2e7]
                assert list(wide["workload.mix"]) == ["{pristine: 1}", "{blur-3: 1}", "{pristine: 1, blur-3: 1}"]
                # the pivot pandas no longer needs gives the same numbers
                for stat, suffix in [("mean", "_mean"), ("ci_low", "_ci_low"), ("ci_high", "_ci_high")]:
                    pivot = long.pivot(index="point", columns="metric", values=stat)
                    for m in pivot.columns:
                        a, b = wide[m + suffix].to_numpy(), pivot[m].to_numpy()
                        assert is_numeric_dtype(wide[m + suffix]), m
                        assert ((a == b) | (pd.isna(a) & pd.isna(b))).all(), (m, stat, a, b)
                assert len(wide.merge(points[["point", "seed"]], on="point")) == 3
                print("pandas", pd.__version__, "ok:", wide.shape)
                """);
        Process p = new ProcessBuilder(python, script.toString(), folder.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        System.out.print(out);
    }

    /** The first python3 that imports pandas: the one on PATH (a pyenv, a venv), else the system's. */
    private static String pythonWithPandas() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import pandas").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // no such interpreter: try the next
            }
        }
        return null;
    }

    /** One CSV line's fields (RFC 4180 quotes, no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
