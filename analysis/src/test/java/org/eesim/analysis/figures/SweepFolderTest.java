package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.results.ScenarioKeyAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures from one real sweep folder written by sim-core: x comes from each point's swept value,
 * and the other swept key splits the series.
 */
class SweepFolderTest {

    static final Path PROFILE = Path.of("..", "profiles", "b-alexnet-carpex").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private ResultsFolder sweep(String over) throws Exception {
        return sweep(PROFILE, over);
    }

    private ResultsFolder sweep(Path profile, String over) throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, """
                name: s
                profile: %s
                tiers:
                  device: {count: 4, speed: 0.25}
                  edge: {cores: 2}
                links:
                  uplink: {bandwidth: 18.8 Mbps, delay: 5 ms}
                placement: {cut1: 6, cut2: 21}
                workload:
                  arrival: {type: poisson, rate: 1/s}
                early_exit: {threshold: 0.8}
                service_time: mean
                run: {requests: 300, replications: 2, seed: 3}
                output: {dir: %s, name: sweep}
                sweep:
                  over:
                %s""".formatted(profile, tmp.resolve("results"), over));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = org.eesim.cli.Main.execute(new PrintWriter(out), new PrintWriter(err), "run", f.toString(),
                "--quiet", "--threads", "2");
        assertEquals(0, status, err.toString());
        return ResultsFolder.open(tmp.resolve("results/sweep"));
    }

    @Test
    void xComesFromEachPointsSweptValueAndTheOtherKeySplitsTheSeries() throws Exception {
        ResultsFolder folder = sweep("""
                    - {key: workload.arrival.rate, values: [1/s, 2/s]}
                    - {key: links.uplink.bandwidth, values: [5 Mbps, 10 Mbps, 20000 kbps]}
                """);
        assertEquals(6, folder.summary().points().size());
        Sweep sweep = new Sweep(ScenarioKeyAxis.of("links.uplink.bandwidth", null, List.of(folder)),
                Source.all(List.of(folder)));
        // the other key's values name the series; the mix, the same everywhere, names none
        assertEquals(List.of("1/s", "2/s"), sweep.conditions());
        XYPlot plot = LatencyVsX.of(sweep).chart().getXYPlot();
        assertEquals("links.uplink.bandwidth (Mbps)", plot.getDomainAxis().getLabel());
        XYDataset mean = plot.getDataset(0);
        assertEquals(2, mean.getSeriesCount());
        assertEquals(3, mean.getItemCount(0));
        assertEquals(20.0, mean.getXValue(0, 2), 1e-12, "20000 kbps on the Mbps axis");
        double at5 = mean.getYValue(0, 0);
        double at20 = mean.getYValue(0, 2);
        assertEquals(folder.require(0, "latency.mean").mean() * 1000, at5, 1e-9, "point 0 is 1/s at 5 Mbps, in ms");
        assertTrue(at5 > at20, "a slower uplink cannot make offloaded requests faster: " + at5 + " vs " + at20);
        assertTrue(folder.resolved(3).node("links.uplink.bandwidth").orElseThrow().asText().equals("5 Mbps"));
    }

    @Test
    void aSweepOfOneKeyDrawsItsVsXFiguresWithoutBeingTold() throws Exception {
        ResultsFolder folder = sweep("""
                    - {key: links.uplink.bandwidth, values: [5 Mbps, 20 Mbps]}
                """);
        Files.createDirectories(tmp.resolve("fig"));
        List<Path> written = new Figures(List.of(folder), null, null, false).draw(Set.of(), tmp.resolve("fig"));
        assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("latency-vs-x.csv")), written.toString());
        assertEquals(List.of("5 Mbps", "20 Mbps"), Source.all(List.of(folder)).stream()
                .map(Source::label).toList(), "one swept key: the bare values label the points");
    }

    @Test
    void aSweepOfConditionsIsDrawnAsBarsLabelledByCondition() throws Exception {
        Path seed001 = PROFILE.resolveSibling("b-mobilenet-distortion-robust");
        ResultsFolder folder = sweep(seed001, """
                    - {key: workload.mix, values: [{pristine: 1}, {blur-3: 1}, {pristine: 0.5, blur-3: 0.5}]}
                """);
        Files.createDirectories(tmp.resolve("fig"));
        // no x axis can be made of conditions: the default set must not ask for one
        List<Path> written = new Figures(List.of(folder), null, null, false).draw(Set.of(), tmp.resolve("fig"));
        assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("exit-distribution.csv")));
        assertTrue(written.stream().noneMatch(p -> p.getFileName().toString().contains("-vs-x")), written.toString());
        assertEquals(List.of("pristine", "blur-3", "{pristine: 0.5, blur-3: 0.5}"),
                Source.all(List.of(folder)).stream().map(Source::label).toList());
    }

    @Test
    void chosenPointsAloneAreDrawnAndAnUnknownPointIsRefused() throws Exception {
        ResultsFolder folder = sweep("""
                    - {key: links.uplink.bandwidth, values: [5 Mbps, 10 Mbps, 20 Mbps]}
                """);
        Files.createDirectories(tmp.resolve("fig"));
        new Figures(List.of(folder), null, null, false).onlyPoints(Set.of(0, 2))
                .draw(Set.of(Figures.Kind.LATENCY_CDF), tmp.resolve("fig"));
        List<String> csv = Files.readAllLines(tmp.resolve("fig/latency-cdf.csv"));
        assertEquals(List.of("20 Mbps", "5 Mbps"), csv.stream().skip(1).map(l -> l.split(",")[0])
                .distinct().sorted().toList(), "points 0 and 2, not 1");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Figures(List.of(folder), null, null, false).onlyPoints(Set.of(7)));
        assertTrue(e.getMessage().contains("has no point 7"), e.getMessage());
    }

    /** The shipped seed-001 blur-level sweep, shortened, run into {@code tmp}. */
    private ResultsFolder seed001BlurLevels() throws Exception {
        String yaml = Files.readString(Path.of("../scenarios/seed001-blur-levels.yaml"))
                .replace("profile: ../profiles/", "profile: " + PROFILE.getParent() + "/")
                .replace("requests: 5000", "requests: 400").replace("replications: 10", "replications: 2")
                .replace("  dir: results", "  dir: " + tmp.resolve("results"));
        Path f = tmp.resolve("levels.yaml");
        Files.writeString(f, yaml);
        int status = org.eesim.cli.Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "run", f.toString(), "--quiet");
        assertEquals(0, status);
        return ResultsFolder.open(tmp.resolve("results/seed001-blur-levels"));
    }

    @Test
    void xFromAConditionParameterWithPristineAtZeroOfEveryBranchSet() throws Exception {
        ResultsFolder folder = seed001BlurLevels();
        Files.createDirectories(tmp.resolve("fig"));
        // the scenario's output section names the figure and x = condition.sigma
        org.eesim.analysis.cli.Charts.run(new String[] {folder.dir().toString(), "--out", tmp.resolve("fig").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Sweep sweep = new Sweep(org.eesim.analysis.results.ConditionAxis.of("condition.sigma", "blur sigma",
                List.of(folder)), Source.all(List.of(folder)));
        assertEquals("blur sigma (pixels)", sweep.axis().label());
        assertEquals(List.of("standard", "expert-blur"), sweep.conditions());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0), sweep.in("expert-blur").stream().map(Sweep.Point::x).toList());
        assertEquals("pristine@expert-blur", sweep.in("expert-blur").get(0).source().label(),
                "each branch set's own undistorted condition is its x = 0");
        assertEquals("pristine", sweep.in("standard").get(0).source().label());

        Figure f = OffloadVsX.of(sweep);
        XYDataset d = f.chart().getXYPlot().getDataset();
        // the end node computes nothing: 'device to next tier' is 100% everywhere and left out
        assertEquals(List.of("standard: edge to cloud", "expert-blur: edge to cloud"),
                List.of(d.getSeriesKey(0).toString(), d.getSeriesKey(1).toString()));
        assertEquals(2, d.getSeriesCount());
        assertTrue(Files.exists(tmp.resolve("fig/offload-vs-x.csv")), "drawn from the output section alone");
    }

    @Test
    void publishedValuesAreDrawnOverTheirSeriesAndAnUnknownSeriesIsRefused() throws Exception {
        ResultsFolder folder = seed001BlurLevels();
        Sweep sweep = new Sweep(org.eesim.analysis.results.ConditionAxis.of("condition.sigma", null, List.of(folder)),
                Source.all(List.of(folder)));
        Figure f = OffloadVsX.of(sweep);
        Reference.read(Path.of("../scenarios/seed001-published-blur.csv")).overlay(f);
        XYPlot plot = f.chart().getXYPlot();
        assertEquals(2, plot.getDatasetCount());
        XYDataset published = plot.getDataset(1);
        assertEquals("standard: edge to cloud", published.getSeriesKey(0));
        assertEquals(6, published.getItemCount(0));
        assertEquals(78.566754, published.getYValue(0, 3), 1e-9, "blur 3, from the seed's CSV");
        assertEquals(plot.getRenderer(0).getSeriesPaint(1), plot.getRenderer(1).getSeriesPaint(1),
                "a published value takes its series' colour");

        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "figure,series,x,y\noffload-vs-x,standrd: edge to cloud,1,50\n");
        Figure g = OffloadVsX.of(sweep);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.eesim.analysis.results.ResultsException.class,
                () -> Reference.read(bad).overlay(g));
        assertTrue(e.getMessage().contains("series 'standrd: edge to cloud' is not in the figure"), e.getMessage());

        Path typo = tmp.resolve("typo.csv");
        Files.writeString(typo, "figure,series,x,y\noffload-vs-X,standard: edge to cloud,1,50\n");
        var none = org.junit.jupiter.api.Assertions.assertThrows(org.eesim.analysis.results.ResultsException.class,
                () -> new Figures(List.of(folder), null, null, false).withReference(Reference.read(typo))
                        .draw(Set.of(), tmp.resolve("fig")));
        assertTrue(none.getMessage().contains("rows for figure 'offload-vs-X', which is not drawn here"),
                none.getMessage());
    }
}
