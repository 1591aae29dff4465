package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.results.ScenarioKeyAxis;
import org.eesim.analysis.style.Exporter;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Every figure kind is built from known folders: its dataset has the expected series and
 * point counts, its CSV the same numbers, and its three files are valid PDF, SVG and PNG.
 */
class FiguresTest {

    @TempDir
    Path tmp;

    /** Four runs: thresholds 0.6 and 0.9 under two conditions, at 18.8 Mbps. */
    private List<ResultsFolder> sweep() {
        List<ResultsFolder> out = new ArrayList<>();
        out.add(open(TestRuns.write(tmp, "a", 0.6, "18.8 Mbps", "pristine", 0.05, 0.80)));
        out.add(open(TestRuns.write(tmp, "b", 0.9, "18.8 Mbps", "pristine", 0.08, 0.85)));
        out.add(open(TestRuns.write(tmp, "c", 0.6, "18.8 Mbps", "blur2", 0.06, 0.60)));
        out.add(open(TestRuns.write(tmp, "d", 0.9, "18.8 Mbps", "blur2", 0.09, 0.70)));
        return out;
    }

    private Sweep sweepOn(String key, List<ResultsFolder> folders) {
        return new Sweep(ScenarioKeyAxis.of(key, null, folders), Source.all(folders));
    }

    private static ResultsFolder open(Path dir) {
        return ResultsFolder.open(dir);
    }

    @Test
    void latencyCdfAveragesQuantilesOverReplications() throws Exception {
        ResultsFolder run = open(TestRuns.write(tmp, "one", 0.8, "10 Mbps", "pristine", 0.1, 0.9));
        Figure f = LatencyCdf.of(Source.all(List.of(run)), false);
        XYDataset d = f.chart().getXYPlot().getDataset();
        assertEquals(1, d.getSeriesCount());
        assertEquals(5, d.getItemCount(0));
        // quantile 0.5: (0.9 + 1.1) / 2 * 0.1 * 1.2 s = 120 ms
        assertEquals(120.0, d.getXValue(0, 2), 1e-9);
        assertEquals(0.5, d.getYValue(0, 2), 1e-12);
        assertEquals(5, f.data().rows().size());
        assertValidFiles(f);
    }

    @Test
    void logCdfOfTheRealRunDropsZeroLatencies() throws Exception {
        ResultsFolder run = open(TestRuns.quickstart(tmp));
        Figure linear = LatencyCdf.of(Source.all(List.of(run)), false);
        Figure log = LatencyCdf.of(Source.all(List.of(run)), true);
        XYDataset d = linear.chart().getXYPlot().getDataset();
        assertEquals("quickstart", d.getSeriesKey(0)); // the time stamp is dropped
        assertEquals(105, d.getItemCount(0)); // 0.00..1.00 and four tail quantiles
        int zeros = (int) run.distribution().meanQuantiles(0).values().stream()
                .filter(v -> v == 0).count();
        assertTrue(zeros > 0, "the quickstart run has requests that exit at once");
        assertEquals(105 - zeros, log.chart().getXYPlot().getDataset().getItemCount(0));
        assertEquals(105 - zeros, log.data().rows().size());
        assertValidFiles(log);
    }

    @Test
    void exitDistributionStacksExitsInNetworkOrder() throws Exception {
        List<ResultsFolder> folders = List.of(open(TestRuns.quickstart(tmp)));
        Figure f = ExitDistribution.of(Source.all(folders));
        CategoryDataset d = f.chart().getCategoryPlot().getDataset();
        assertEquals(List.of("b1", "b2", "b3", "final"), d.getRowKeys());
        assertEquals(1, d.getColumnCount());
        double total = 0;
        for (int r = 0; r < d.getRowCount(); r++) {
            total += d.getValue(r, 0).doubleValue();
        }
        assertEquals(100, total, 0.01);
        assertValidFiles(f);
    }

    @Test
    void offloadHasOneSeriesPerCondition() throws Exception {
        Figure f = OffloadVsX.of(sweepOn("early_exit.threshold", sweep()));
        XYDataset d = f.chart().getXYPlot().getDataset();
        // the test runs have no WAN, so only the device crossing per condition
        assertEquals(2, d.getSeriesCount());
        assertEquals("pristine: device to next tier", d.getSeriesKey(0));
        assertEquals("blur2: device to next tier", d.getSeriesKey(1));
        assertEquals(2, d.getItemCount(0));
        assertEquals(0.6, d.getXValue(0, 0), 1e-12);
        assertEquals(70.0, d.getYValue(0, 0), 1e-9);
        assertValidFiles(f);
    }

    @Test
    void latencyVsXHasMeanBandAndTails() throws Exception {
        List<ResultsFolder> one = List.of(
                open(TestRuns.write(tmp, "slow", 0.8, "500 kbps", "pristine", 0.5, 0.9)),
                open(TestRuns.write(tmp, "fast", 0.8, "10 Mbps", "pristine", 0.1, 0.9)));
        Figure f = LatencyVsX.of(sweepOn("links.uplink.bandwidth", one));
        XYPlot plot = f.chart().getXYPlot();
        assertEquals("links.uplink.bandwidth (kbps)", plot.getDomainAxis().getLabel());
        assertEquals("mean", plot.getDataset(0).getSeriesKey(0));
        assertEquals(List.of("p95", "p99"), List.of(plot.getDataset(1).getSeriesKey(0),
                plot.getDataset(1).getSeriesKey(1)));
        assertEquals(2, plot.getDataset(0).getItemCount(0));
        assertEquals(10000.0, plot.getDataset(0).getXValue(0, 1), 1e-9); // 10 Mbps in kbps
        assertEquals(6, f.data().rows().size());
        assertValidFiles(f);
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedRunsOfEachCondition() throws Exception {
        List<ResultsFolder> folders = new ArrayList<>(sweep());
        // e (90 ms, 82%) is dominated by b (80 ms, 85%) in its own condition
        folders.add(open(TestRuns.write(tmp, "e", 0.7, "18.8 Mbps", "pristine", 0.09, 0.82)));
        Figure f = AccuracyLatency.of(sweepOn("early_exit.threshold", folders));
        XYDataset d = f.chart().getXYPlot().getDataset();
        assertEquals("pristine: Pareto front", d.getSeriesKey(0));
        assertEquals(2, d.getItemCount(0)); // a and b
        assertEquals(3, d.getItemCount(1)); // a, e, b
        // c (60 ms, 60%) and d (90 ms, 70%) would both be dominated by a on one common front;
        // within blur2 neither dominates the other
        assertEquals("blur2: Pareto front", d.getSeriesKey(2));
        assertEquals(2, d.getItemCount(2));
        assertEquals(4, f.data().count("pareto", true));
        assertValidFiles(f);
    }

    /**
     * Latency against device energy: a (50 ms, 0.5 J) and b (80 ms, 0.2 J) both on the front,
     * e (90 ms, 0.3 J) dominated by b; blur2's c and d on their own front.
     */
    @Test
    void latencyEnergyFrontKeepsTheFastOrFrugal() throws Exception {
        List<ResultsFolder> folders = new ArrayList<>();
        double[][] runs = {{0.6, 0.05, 0.5}, {0.9, 0.08, 0.2}, {0.7, 0.09, 0.3}};
        String[] names = {"a", "b", "e"};
        for (int i = 0; i < runs.length; i++) {
            folders.add(open(withEnergy(TestRuns.write(tmp, names[i], runs[i][0], "18.8 Mbps", "pristine",
                    runs[i][1], 0.8), runs[i][2])));
        }
        folders.add(open(withEnergy(TestRuns.write(tmp, "c", 0.6, "18.8 Mbps", "blur2", 0.06, 0.6), 0.7)));
        folders.add(open(withEnergy(TestRuns.write(tmp, "d", 0.9, "18.8 Mbps", "blur2", 0.09, 0.7), 0.4)));
        Figure f = LatencyEnergy.of(sweepOn("early_exit.threshold", folders));
        XYDataset d = f.chart().getXYPlot().getDataset();
        assertEquals("pristine: Pareto front", d.getSeriesKey(0));
        assertEquals(2, d.getItemCount(0)); // b then a, by energy
        assertEquals(0.2, d.getXValue(0, 0), 1e-12);
        assertEquals(80, d.getYValue(0, 0), 1e-9);
        assertEquals(3, d.getItemCount(1));
        assertEquals("blur2: Pareto front", d.getSeriesKey(2));
        assertEquals(2, d.getItemCount(2));
        assertEquals(4, f.data().count("pareto", true));
        assertValidFiles(f);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.eesim.analysis.results.ResultsException.class,
                () -> LatencyEnergy.of(sweepOn("early_exit.threshold", sweep())));
        assertTrue(ex.getMessage().contains("no folder reports energy.device"), ex.getMessage());
    }

    /**
     * partition-vs-x: per series the cut on top (one line), below the simulated mean and the
     * expected latency (two lines, in ms); a series without policy metrics (fixed cuts) is not
     * drawn, and folders without any are refused.
     */
    @Test
    void partitionDrawsCutsAndBothLatencies() throws Exception {
        List<ResultsFolder> folders = new ArrayList<>();
        folders.add(open(withPolicy(TestRuns.write(tmp, "a", 0.6, "18.8 Mbps", "pristine", 0.05, 0.8), 3, 0.045)));
        folders.add(open(withPolicy(TestRuns.write(tmp, "b", 0.9, "18.8 Mbps", "pristine", 0.08, 0.8), 5, 0.07)));
        folders.add(open(withPolicy(TestRuns.write(tmp, "c", 0.6, "18.8 Mbps", "blur2", 0.06, 0.6), 0, 0.06)));
        folders.add(open(TestRuns.write(tmp, "d", 0.9, "18.8 Mbps", "blur2", 0.09, 0.7)));
        Figure f = PartitionVsX.of(sweepOn("early_exit.threshold", folders), null);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) f.chart().getXYPlot();
        XYDataset cuts = plot.getSubplots().get(0).getDataset();
        XYDataset ms = plot.getSubplots().get(1).getDataset();
        assertEquals(2, cuts.getSeriesCount());
        assertEquals("pristine: cut", cuts.getSeriesKey(0));
        assertEquals(5, cuts.getYValue(0, 1), 0);
        assertEquals(4, ms.getSeriesCount());
        // the expected lines first, the last series' first, then the simulated ones in order:
        // JFreeChart draws the last series first, so the expected lines lie on top
        assertEquals(List.of("blur2: expected (policy, empty queues)", "pristine: expected (policy, empty queues)",
                "pristine: simulated mean", "blur2: simulated mean"),
                List.of(ms.getSeriesKey(0), ms.getSeriesKey(1), ms.getSeriesKey(2), ms.getSeriesKey(3)));
        assertEquals(70, ms.getYValue(1, 1), 1e-9);
        assertEquals(80, ms.getYValue(2, 1), 1e-9);
        assertEquals(2, ms.getItemCount(3), "the simulated mean at both blur2 points");
        assertEquals(1, ms.getItemCount(0), "the expected latency only where a policy decided");
        assertValidFiles(f);
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.eesim.analysis.results.ResultsException.class,
                () -> PartitionVsX.of(sweepOn("early_exit.threshold", sweep()), null));
        assertTrue(ex.getMessage().contains("no policy.cut1 metric"), ex.getMessage());
    }

    /** layers-NAME: the input, then each layer's median time and output size, from the profile. */
    @Test
    void layerProfileDrawsTimeAndSizePerLayer() throws Exception {
        org.eesim.profile.Profile p = org.eesim.profile.ProfileReader.read(Path.of("..", "profiles",
                "ee-alexnet-fmnist"));
        Figure f = LayerProfile.of(p);
        assertEquals("layers-ee-alexnet-fmnist", f.name());
        var plot = (org.jfree.chart.plot.CombinedDomainCategoryPlot) f.chart().getPlot();
        CategoryDataset times = ((org.jfree.chart.plot.CategoryPlot) plot.getSubplots().get(0)).getDataset();
        CategoryDataset sizes = ((org.jfree.chart.plot.CategoryPlot) plot.getSubplots().get(1)).getDataset();
        assertEquals(p.layers().size() + 1, times.getColumnCount());
        assertEquals("0 input", times.getColumnKey(0));
        assertEquals(3136 / 1024.0, sizes.getValue(0, 0).doubleValue(), 1e-12);
        double[] conv1 = p.layers().get(0).time().samples().clone();
        java.util.Arrays.sort(conv1);
        assertEquals((conv1[149] + conv1[150]) / 2 * 1e3, times.getValue(0, 1).doubleValue(), 1e-12);
        assertEquals(12544 / 1024.0, sizes.getValue(0, 1).doubleValue(), 1e-12);
        assertValidFiles(f);
    }

    /** The folder with policy.cut1 and policy.expected_latency rows added to its summary. */
    private static Path withPolicy(Path dir, double cut1, double expectedSeconds) {
        try {
            Files.writeString(dir.resolve("summary.csv"), String.format(java.util.Locale.ROOT,
                    "0,policy.cut1,2,%s,0,%s,%s%n0,policy.expected_latency,2,%s,0,%s,%s%n", cut1, cut1, cut1,
                    expectedSeconds, expectedSeconds, expectedSeconds), java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    /** The folder with an energy.device row added to its summary. */
    private static Path withEnergy(Path dir, double joules) {
        try {
            Files.writeString(dir.resolve("summary.csv"), String.format(java.util.Locale.ROOT,
                    "0,energy.device,2,%s,0.01,%s,%s%n", joules, joules - 0.01, joules + 0.01),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }

    @Test
    void severalConditionsShareColourByConditionAndDashByStatistic() {
        Figure f = LatencyVsX.of(sweepOn("early_exit.threshold", sweep()));
        XYPlot plot = f.chart().getXYPlot();
        var tails = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer(1);
        // p95 and p99 of one condition: same colour, different dash
        assertEquals(tails.getSeriesPaint(0), tails.getSeriesPaint(1));
        assertFalse(tails.getSeriesStroke(0).equals(tails.getSeriesStroke(1)));
        // p95 of the two conditions: same dash, different colour
        assertEquals(tails.getSeriesStroke(0), tails.getSeriesStroke(2));
        assertFalse(tails.getSeriesPaint(0).equals(tails.getSeriesPaint(2)));
        List<String> legend = new ArrayList<>();
        var items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertEquals(List.of("pristine", "blur2", "mean (95% CI band)", "p95", "p99"), legend);
    }

    @Test
    void resourcesHaveOneSeriesPerTierInBothPanels() throws Exception {
        List<ResultsFolder> one = sweep().subList(0, 2);
        Figure f = ResourcesVsX.of(sweepOn("early_exit.threshold", one));
        var plots = ((CombinedDomainXYPlot) f.chart().getPlot()).getSubplots();
        assertEquals(2, plots.size());
        for (XYPlot p : plots) {
            assertEquals(3, p.getDataset().getSeriesCount());
            assertEquals("device", p.getDataset().getSeriesKey(0));
            assertEquals(2, p.getDataset().getItemCount(0));
        }
        assertEquals(12, f.data().rows().size());
        assertValidFiles(f);
    }

    @Test
    void figuresUseTheBundledFontNotAFallback() {
        // Font.createFont never falls back silently, but a renamed resource would fail here first
        assertEquals("Liberation Serif", org.eesim.analysis.style.PaperStyle.BODY_FONT.getFamily());
        assertEquals(8f, org.eesim.analysis.style.PaperStyle.TICK_FONT.getSize2D());
    }

    @Test
    void summaryTableRoundsToTheInterval() throws Exception {
        String tex = SummaryTable.tex(open(TestRuns.quickstart(tmp)));
        assertTrue(tex.contains("\\toprule") && tex.contains("\\bottomrule"));
        assertTrue(tex.contains("Mean latency & ms & 72.75 & [72.42, 73.09] \\\\"), tex);
        assertTrue(tex.contains("Exit at final & \\% & 10.03"), tex);
        assertFalse(tex.contains("_"), "unescaped underscores break LaTeX");
    }

    private void assertValidFiles(Figure built) throws Exception {
        Figure f = built.fit(org.eesim.analysis.layout.Columns.ONE);
        Path dir = Files.createDirectories(tmp.resolve("out-" + f.name()));
        List<Path> files = f.writeTo(dir);
        byte[] pdf = Files.readAllBytes(files.get(0));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        // text drawn as outlines: no font the reader's viewer (or IEEE PDF eXpress) must supply
        assertFalse(new String(pdf, StandardCharsets.ISO_8859_1).contains("/Font"),
                "the PDF refers to an unembedded font");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG 1.1 DOCTYPE names a DTD on the web: well-formedness needs no fetch
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        String[] viewBox = svg.getDocumentElement().getAttribute("viewBox").split(" ");
        assertEquals(4, viewBox.length, "an SVG sized in pt needs a viewBox in pt");
        assertEquals(f.width(), Double.parseDouble(viewBox[2]), 1e-9);
        assertEquals(f.height(), Double.parseDouble(viewBox[3]), 1e-9);
        assertEquals(0, svg.getElementsByTagName("text").getLength(),
                "SVG <text> would be drawn with whatever font the viewer has");
        BufferedImage png = ImageIO.read(files.get(2).toFile());
        assertEquals(Exporter.pixels(f.width()), png.getWidth());
        assertEquals(Exporter.pixels(f.height()), png.getHeight());
        List<String> csv = Files.readAllLines(files.get(3));
        assertEquals(String.join(",", f.data().columns()), csv.get(0));
        assertEquals(f.data().rows().size() + 1, csv.size());
    }
}
