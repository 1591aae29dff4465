package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eesim.analysis.results.ResultsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metric-vs-x on a real training sweep written by sim-core (two profiles x two K x three
 * bandwidths): one figure per metric, every point at its bandwidth, and series named by model
 * and K, drawn two-factor (colour = K, dash = model) so that the legend has an entry per value.
 */
class TrainingFigureTest {

    @TempDir
    Path tmp;

    ResultsFolder sweep() throws Exception {
        Path profiles = Path.of("..", "profiles").toAbsolutePath().normalize();
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, """
                name: t
                profile: %1$s/cac-resnet50-tx2
                training:
                  iterations: 200
                  staleness: 1
                  quantise: int8
                  quantise_time: 0 s
                  policy: {type: engine}
                links:
                  uplink: {bandwidth: 10 MiB/s}
                run: {seed: 3}
                output: {dir: %2$s, name: train}
                sweep:
                  over:
                    - {key: profile, values: [%1$s/cac-resnet50-tx2, %1$s/cac-mobilenetv3-large-tx2]}
                    - {key: training.staleness, values: [1, 4]}
                    - {key: links.uplink.bandwidth, values: [5 MiB/s, 12.5 MiB/s, 50 MiB/s]}
                """.formatted(profiles, tmp.resolve("results")));
        StringWriter err = new StringWriter();
        int status = org.eesim.cli.Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                f.toString(), "--quiet", "--threads", "2");
        assertEquals(0, status, err.toString());
        return ResultsFolder.open(tmp.resolve("results/train"));
    }

    @Test
    void oneFigurePerMetricWithASeriesPerModelAndK() throws Exception {
        ResultsFolder folder = sweep();
        Files.createDirectories(tmp.resolve("fig"));
        List<Path> written = new Figures(List.of(folder), "links.uplink.bandwidth", null, true)
                .metrics(List.of("training.seconds_per_iteration", "training.split.last"))
                .draw(Set.of(Figures.Kind.METRIC_VS_X), tmp.resolve("fig"));
        assertTrue(written.contains(tmp.resolve("fig/training-seconds-per-iteration-vs-x.png")), written.toString());
        assertTrue(written.contains(tmp.resolve("fig/training-split-last-vs-x.csv")), written.toString());
        List<String> csv = Files.readAllLines(tmp.resolve("fig/training-seconds-per-iteration-vs-x.csv"));
        assertEquals("series,x,value,ci_low,ci_high,folder", csv.get(0));
        assertEquals(1 + 12, csv.size(), "every point once");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"cac-mobilenetv3-large-tx2, staleness 4\",12.5,")),
                "series by the profile's folder name and K, x in the sweep's unit (MiB/s): " + csv);
        // the engine's own number at 50 MiB/s for ResNet-50, K = 4, over 200 iterations (fill included)
        String resnet = csv.stream().filter(l -> l.startsWith("\"cac-resnet50-tx2, staleness 4\",50.0,"))
                .findFirst().orElseThrow();
        double v = Double.parseDouble(resnet.split(",")[3]);
        assertEquals(0.160, v, 0.01, resnet);
    }

    @Test
    void metricVsXNeedsAMetricAndOneThatExists() throws Exception {
        ResultsFolder folder = sweep();
        var none = assertThrows(IllegalArgumentException.class, () -> new Figures(List.of(folder),
                "links.uplink.bandwidth", null, true).draw(Set.of(Figures.Kind.METRIC_VS_X), tmp.resolve("a")));
        assertTrue(none.getMessage().contains("metric-vs-x needs --metric NAME"), none.getMessage());
        var absent = assertThrows(IllegalArgumentException.class, () -> new Figures(List.of(folder),
                "links.uplink.bandwidth", null, true).metrics(List.of("latency.mean"))
                .draw(Set.of(Figures.Kind.METRIC_VS_X), tmp.resolve("b")));
        assertTrue(absent.getMessage().contains("no point reports the metric 'latency.mean'"), absent.getMessage());
    }
}
