package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eesim.analysis.cli.Charts;
import org.eesim.analysis.layout.Columns;
import org.eesim.analysis.layout.Fit;
import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.results.ScenarioKeyAxis;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep of the issue report, run through sim-core: the gallery's two-key scenario (7
 * bandwidths on a log_range x 8 thresholds, MobileNetV2), shortened. Every "vs X" figure, with
 * either key on x, at one and two columns, must keep its plot: the data area at least
 * {@link Fit#MIN_PLOT_SHARE} of the figure's height, the figure within its bound, the legend
 * whole and below the plot. What cannot fit is refused with status 2 and what to do.
 */
class CrowdedSweepTest {

    @TempDir
    static Path tmp;

    static ResultsFolder folder;

    @BeforeAll
    static void runTheSweep() throws Exception {
        Path profiles = Path.of("..", "profiles").toAbsolutePath().normalize();
        String yaml = Files.readString(Path.of("../scenarios/gallery/two-key.yaml"))
                .replace("profile: ../../profiles/", "profile: " + profiles + "/")
                .replace("requests: 1000", "requests: 300").replace("warmup: 100", "warmup: 30")
                .replace("replications: 3", "replications: 2")
                .replace("  dir: results", "  dir: " + tmp.resolve("results"));
        assertTrue(yaml.contains("requests: 300") && yaml.contains(tmp.toString()), "the gallery scenario changed");
        Path f = tmp.resolve("two-key.yaml");
        Files.writeString(f, yaml);
        StringWriter err = new StringWriter();
        int status = org.eesim.cli.Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "run", f.toString(), "--quiet", "--threads", "2");
        assertEquals(0, status, err.toString());
        folder = ResultsFolder.open(tmp.resolve("results/gallery-two-key"));
        assertEquals(56, folder.summary().points().size());
    }

    private static Sweep on(String key) {
        return new Sweep(ScenarioKeyAxis.of(key, null, List.of(folder)), Source.all(List.of(folder)));
    }

    static Stream<Arguments> figures() {
        List<Arguments> out = new ArrayList<>();
        for (String x : List.of("links.uplink.bandwidth", "early_exit.threshold")) {
            for (String figure : List.of(LatencyVsX.NAME, OffloadVsX.NAME, AccuracyLatency.NAME, ResourcesVsX.NAME,
                    DifferenceVsX.NAME)) {
                for (Columns c : Columns.values()) {
                    out.add(Arguments.of(figure, x, c));
                }
            }
        }
        return out.stream();
    }

    private static Figure build(String figure, Sweep sweep) {
        return switch (figure) {
            case LatencyVsX.NAME -> LatencyVsX.of(sweep);
            case OffloadVsX.NAME -> OffloadVsX.of(sweep);
            case AccuracyLatency.NAME -> AccuracyLatency.of(sweep);
            default -> ResourcesVsX.of(sweep);
        };
    }

    @ParameterizedTest(name = "{0} vs {1}, {2} column")
    @MethodSource("figures")
    void everyVsXFigureKeepsItsPlot(String figure, String x, Columns columns) {
        Sweep sweep = on(x);
        assertTrue(sweep.conditions().size() >= 7, "7 or 8 series: " + sweep.conditions());
        Figure f = build(figure, sweep).fit(columns);
        ChartRenderingInfo info = Fit.render(f.chart(), f.width(), f.height());
        Rectangle2D data = info.getPlotInfo().getDataArea();
        double heightShare = data.getHeight() / f.height();
        double areaShare = data.getWidth() * data.getHeight() / (f.width() * f.height());
        System.out.printf("%s vs %s, %s: %.0f x %.0f pt, data area %.0f%% of the height, %.0f%% of the area%n",
                figure, x, columns, f.width(), f.height(), 100 * heightShare, 100 * areaShare);
        assertTrue(heightShare >= Fit.MIN_PLOT_SHARE - 0.005, "data area " + heightShare + " of the height");
        assertTrue(areaShare >= 0.4, "data area " + areaShare + " of the figure");
        assertTrue(f.height() <= columns.maxHeight() + 0.5, f.height() + " pt tall");
        // the whole legend is drawn, below the plot and inside the figure
        List<LegendTitle> legends = new ArrayList<>();
        for (int i = 0; i < f.chart().getSubtitleCount(); i++) {
            if (f.chart().getSubtitle(i) instanceof LegendTitle l) {
                legends.add(l);
            }
        }
        assertFalse(legends.isEmpty(), "a legend naming the series");
        var pad = f.chart().getPadding();
        double below = f.height() - pad.getBottom() - info.getPlotInfo().getPlotArea().getMaxY();
        var g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        org.eesim.analysis.style.Exporter.hints(g2);
        double legendHeight = 0;
        int entries = 0;
        for (LegendTitle l : legends) {
            legendHeight += l.arrange(g2, new org.jfree.chart.block.RectangleConstraint(
                    f.width() - pad.getLeft() - pad.getRight(), new org.jfree.data.Range(0, 1e6))).getHeight();
            entries += l.getSources()[0].getLegendItems().getItemCount();
        }
        assertTrue(legendHeight <= below + 0.5, "a legend " + legendHeight + " pt tall in " + below
                + " pt below the plot would be clipped");
        assertTrue(entries >= sweep.conditions().size(), entries + " legend entries for "
                + sweep.conditions().size() + " series");
    }

    @Test
    void aLogRangeSweepGetsALogAxisLabelledInDecimals() {
        XYPlot byBandwidth = LatencyVsX.of(on("links.uplink.bandwidth")).chart().getXYPlot();
        LogAxis log = assertInstanceOf(LogAxis.class, byBandwidth.getDomainAxis(), "log_range: log by default");
        Figure fitted = LatencyVsX.of(on("links.uplink.bandwidth")).fit(Columns.ONE);
        ChartRenderingInfo info = Fit.render(fitted.chart(), fitted.width(), fitted.height());
        List<String> labels = new ArrayList<>();
        var axis = (LogAxis) fitted.chart().getXYPlot().getDomainAxis();
        var g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        for (Object t : axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), info.getPlotInfo().getDataArea(),
                org.jfree.chart.ui.RectangleEdge.BOTTOM)) {
            var tick = (org.jfree.chart.axis.ValueTick) t;
            if (tick.getTickType() == org.jfree.chart.axis.TickType.MAJOR) {
                labels.add(tick.getText());
            }
        }
        assertEquals(List.of("1", "2", "5", "10", "20", "50", "100"), labels, "1 to 100 Mbps in plain decimals");
        assertTrue(log.getLabel().endsWith("(Mbps)"), log.getLabel());

        assertInstanceOf(NumberAxis.class, LatencyVsX.of(on("early_exit.threshold")).chart().getXYPlot()
                .getDomainAxis(), "a range sweep keeps a linear axis");
        assertInstanceOf(NumberAxis.class, LatencyVsX.of(on("links.uplink.bandwidth"), false, List.of())
                .chart().getXYPlot().getDomainAxis(), "--no-log-x");
        assertInstanceOf(LogAxis.class, OffloadVsX.of(on("early_exit.threshold"), true).chart().getXYPlot()
                .getDomainAxis(), "--log-x on any positive x");
        assertInstanceOf(LogAxis.class, ((org.jfree.chart.plot.CombinedDomainXYPlot) ResourcesVsX
                .of(on("links.uplink.bandwidth")).chart().getPlot()).getDomainAxis());
    }

    @Test
    void manySeriesDrawTheMeanAloneUnlessAsked() {
        Sweep sweep = on("links.uplink.bandwidth");
        XYPlot plot = LatencyVsX.of(sweep).chart().getXYPlot();
        assertEquals(8, plot.getDataset(0).getSeriesCount(), "one mean per threshold");
        assertEquals(1, plot.getDatasetCount(), "no p95, p99 lines by default with 8 series");
        XYPlot asked = LatencyVsX.of(sweep, null, List.of("p99", "mean")).chart().getXYPlot();
        assertEquals(8, asked.getDataset(1).getSeriesCount(), "p99 of each threshold");
        assertEquals("threshold 0.5: p99", asked.getDataset(1).getSeriesKey(0));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LatencyVsX.of(sweep, null, List.of("p90")));
        assertTrue(e.getMessage().contains("unknown statistic 'p90' (known: mean, p50, p95, p99, max)"),
                e.getMessage());
    }

    @Test
    void seriesAreNamedByTheirValues() {
        assertEquals("1 Mbps, threshold 0.5", Source.all(List.of(folder)).get(0).label());
        assertEquals("2.15 Mbps, threshold 0.5", Source.all(List.of(folder)).get(8).label());
        assertEquals(List.of("1 Mbps", "2.15 Mbps", "4.64 Mbps", "10 Mbps", "21.5 Mbps", "46.4 Mbps", "100 Mbps"),
                on("early_exit.threshold").conditions());
        assertEquals("threshold 0.85", on("links.uplink.bandwidth").conditions().get(7));
    }

    @Test
    void barsStayThickEnoughForTheirNumbersAndTheFigureGrowsWithThem() {
        List<Source> nine = Source.all(List.of(folder)).subList(0, 9);
        Figure f = ExitDistribution.of(nine).fit(Columns.ONE);
        ChartRenderingInfo info = new ChartRenderingInfo();
        var g2 = new java.awt.image.BufferedImage((int) f.width(), (int) f.height() + 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        f.chart().draw(g2, new Rectangle2D.Double(0, 0, f.width(), f.height()), info);
        int bars = 0;
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof org.jfree.chart.entity.CategoryItemEntity bar) {
                bars++;
                // JFreeChart drops a segment's number when the bar is thinner than the text
                assertTrue(bar.getArea().getBounds2D().getHeight() >= 12, "a bar "
                        + bar.getArea().getBounds2D().getHeight() + " pt thick");
            }
        }
        assertEquals(9 * 4, bars, "9 bars of 4 exits");
        Figure one = ExitDistribution.of(nine.subList(0, 1)).fit(Columns.ONE);
        assertTrue(one.height() < 100 && f.height() > 200 && f.height() <= Columns.ONE.maxHeight(),
                one.height() + " pt for one bar, " + f.height() + " for nine");
    }

    private static int plot(StringWriter err, String... args) {
        return Charts.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    /**
     * The sweep has common seeds, so its folder has differences.csv: the figure plots exactly its
     * mean-latency rows (ms), and the baseline, point 0, at 0.
     */
    @Test
    void theDifferenceFigurePlotsThePairedDifferences() throws Exception {
        Path out = tmp.resolve("difference");
        StringWriter err = new StringWriter();
        assertEquals(0, plot(err, folder.dir().toString(), "--x", "early_exit.threshold", "--figures",
                DifferenceVsX.NAME, "--out", out.toString()), err.toString());
        Map<String, Double> expected = new java.util.HashMap<>();
        List<String> rows = Files.readAllLines(folder.dir().resolve("differences.csv"));
        for (String l : rows.subList(1, rows.size())) {
            String[] f = l.split(",");
            if (f[1].equals("latency.mean")) {
                expected.put(f[0], Double.parseDouble(f[3]) * 1e3);
            }
        }
        assertEquals(55, expected.size(), "every point but the baseline");
        List<String> plotted = Files.readAllLines(out.resolve(DifferenceVsX.NAME + ".csv"));
        assertEquals(57, plotted.size(), "a header and 56 points");
        int zeros = 0;
        int matched = 0;
        for (String l : plotted.subList(1, plotted.size())) {
            double y = Double.parseDouble(l.split(",")[2]);
            zeros += y == 0 ? 1 : 0;
            matched += expected.values().stream().anyMatch(v -> Math.abs(v - y) <= 1e-9 * Math.max(1, Math.abs(v))) ? 1 : 0;
        }
        assertEquals(56, matched + zeros, "every plotted difference is a row of differences.csv, or the baseline's 0");
        assertTrue(zeros >= 1, "the baseline is drawn at 0");
    }

    /**
     * A sweep's summary.tex: a row per point labelled by its swept values (3 significant digits),
     * a column per chosen metric, a label without the plan hash; an unknown metric is refused.
     */
    @Test
    void aSweepsSummaryTableHasARowPerPointAndTheChosenColumns() {
        String tex = SummaryTable.tex(folder, List.of("latency.mean", "accuracy"));
        List<String> rows = tex.lines().filter(l -> l.endsWith("\\\\")).toList();
        assertEquals(1 + 56, rows.size(), "a header and 56 points:\n" + tex);
        assertEquals("uplink bandwidth & threshold & Mean latency (ms) & Accuracy (\\%) \\\\", rows.get(0));
        assertTrue(rows.get(1 + 8).startsWith("2.15 Mbps & 0.5 & "), rows.get(9));
        assertTrue(rows.get(1).matches("1 Mbps & 0\\.5 & [0-9.]+ \\$\\\\pm\\$ [0-9.]+ & [0-9.]+ \\$\\\\pm\\$ [0-9.]+ \\\\\\\\"),
                rows.get(1));
        assertTrue(tex.contains("\\label{tab:gallery-two-key}"), tex);
        assertTrue(SummaryTable.tex(folder).lines().filter(l -> l.endsWith("\\\\")).findFirst().orElseThrow()
                .endsWith("& Offloaded from device (\\%) & Accuracy (\\%) & Mean latency (ms) & p95 latency (ms) \\\\"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SummaryTable.tex(folder, List.of("latency.mena")));
        assertTrue(e.getMessage().contains("no metric 'latency.mena'"), e.getMessage());
    }

    @Test
    void tooManySeriesIsRefusedWithWhatToDoAndNothingWritten() throws Exception {
        Path out = tmp.resolve("refused");
        StringWriter err = new StringWriter();
        StringBuilder twentyOne = new StringBuilder("0");
        for (int p = 1; p <= 20; p++) {
            twentyOne.append(',').append(p);
        }
        assertEquals(2, plot(err, folder.dir().toString(), "--figures", "latency-vs-x,latency-cdf", "--points",
                twentyOne.toString(), "--out", out.toString()));
        String message = err.toString().strip();
        assertTrue(message.matches("error: figure latency-cdf: 21 legend entries do not fit a one-column figure"
                + " \\(at most \\d+ here\\): draw fewer with --points 0,28,55, or use --two-column"), message);
        assertFalse(Files.exists(out.resolve("latency-vs-x.png")), "a refusal writes none of the figures");

        err = new StringWriter();
        assertEquals(2, plot(err, folder.dir().toString(), "--figures", "exit-distribution", "--out", out.toString()));
        assertTrue(err.toString().contains("figure exit-distribution: 56 bars do not fit a one-column figure (at most"),
                err.toString());

        err = new StringWriter();
        assertEquals(2, plot(err, folder.dir().toString(), "--figures", "latency-cdf", "--two-column",
                "--out", out.toString()));
        assertTrue(err.toString().contains("figure latency-cdf: 56 series, but only 42 can be drawn unlike each other"),
                err.toString());
    }

    @Test
    void renamesChangeWhatIsDrawnAndATypoIsRefused() throws Exception {
        Path out = tmp.resolve("renamed");
        StringWriter err = new StringWriter();
        assertEquals(0, plot(err, folder.dir().toString(), "--figures", "latency-vs-x", "--out", out.toString(),
                "--rename", "threshold 0.5=p_tar 0.5", "--y-label", "Delay (ms)"), err.toString());
        assertTrue(Files.readString(out.resolve("latency-vs-x.csv")).contains("threshold 0.5"),
                "the CSV keeps the series' own name");
        Renames renames = Renames.parse(List.of("threshold 0.5=p_tar 0.5"));
        Figure f = LatencyVsX.of(on("links.uplink.bandwidth")).fit(Columns.ONE, renames::apply);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < f.chart().getSubtitleCount(); i++) {
            if (f.chart().getSubtitle(i) instanceof LegendTitle l) {
                var items = l.getSources()[0].getLegendItems();
                for (int k = 0; k < items.getItemCount(); k++) {
                    shown.add(items.get(k).getLabel());
                }
            }
        }
        assertTrue(shown.contains("p_tar 0.5") && !shown.contains("threshold 0.5"), shown.toString());
        renames.requireAllUsed();
        YLabels.apply(f, "Delay (ms)");
        assertEquals("Delay (ms)", f.chart().getXYPlot().getRangeAxis().getLabel());

        err = new StringWriter();
        assertEquals(2, plot(err, folder.dir().toString(), "--figures", "latency-vs-x", "--out", out.toString(),
                "--rename", "threshold 0.05=p_tar 0.05"));
        assertTrue(err.toString().contains("--rename: no legend entry or bar is called 'threshold 0.05' (drawn: "),
                err.toString());

        err = new StringWriter();
        assertEquals(2, plot(err, folder.dir().toString(), "--out", out.toString(), "--y-label", "Delay (ms)",
                "--figures", "latency-vs-x,offload-vs-x,summary"));
        assertTrue(err.toString().contains("--y-label 'Delay (ms)' would title 2 figures alike"), err.toString());
    }
}
