package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.eesim.analysis.layout.EllipsisCategoryAxis;
import org.eesim.analysis.style.DecimalLogAxis;
import org.eesim.analysis.style.PaperStyle;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A profile's layers, one row each in network order after the raw input: on the left the time of one pass (the
 * median of the raw repetitions, else the mean), on the right the output tensor on a log axis
 * (what a cut after the layer sends). Where the bars on the left are long and those on the right
 * short is where cutting pays. Drawn from the profile itself, not from a run
 * ({@code eesim plot --layers PROFILE --out DIR}, written as {@code layers-<profile name>.*}).
 */
public final class LayerProfile {

    public static final String NAME = "layers";

    /** The value axes and their titles, in points. */
    private static final double HEADER = 40;
    private static final double PITCH = 11;

    /** The size axis starts here (KiB): a 10-class logit vector is 0.04 KiB. */
    private static final double SMALLEST_KIB = 0.01;

    private LayerProfile() {
    }

    public static Figure of(Profile profile) {
        DefaultCategoryDataset times = new DefaultCategoryDataset();
        DefaultCategoryDataset sizes = new DefaultCategoryDataset();
        TidyTable data = new TidyTable("layer", "index", "median_ms", "mean_ms", "output_kib", "mflops");
        List<Layer> layers = profile.layers();
        // row 0: the raw input, what a cut before layer 1 sends
        times.addValue(0, "time", "0 input");
        sizes.addValue(Math.max(profile.inputBytes() / 1024.0, SMALLEST_KIB), "output", "0 input");
        data.add("input", 0, 0, 0, profile.inputBytes() / 1024.0, 0);
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            String row = (k + 1) + " " + l.name();
            double median = median(l.time().samples(), l.time().meanSeconds()) * 1e3;
            double kib = l.outputBytes() / 1024.0;
            times.addValue(median, "time", row);
            sizes.addValue(Math.max(kib, SMALLEST_KIB), "output", row);
            data.add(l.name(), k + 1, median, l.time().meanSeconds() * 1e3, kib, l.flops() / 1e6);
        }
        EllipsisCategoryAxis rows = new EllipsisCategoryAxis();
        rows.setCategoryMargin(0.25);
        rows.setLowerMargin(0.01);
        rows.setUpperMargin(0.01);
        rows.setTickMarksVisible(false);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(rows);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        NumberAxis ms = new NumberAxis("Time per pass (ms, median)");
        PaperStyle.axis(ms);
        DecimalLogAxis kibAxis = new DecimalLogAxis("Output tensor (KiB)");
        PaperStyle.axis(kibAxis);
        CategoryPlot left = new CategoryPlot(times, null, ms, bars(PaperStyle.linePaint(0), 0));
        CategoryPlot right = new CategoryPlot(sizes, null, kibAxis, bars(PaperStyle.linePaint(2), SMALLEST_KIB));
        plot.add(left, 1);
        plot.add(right, 1);
        plot.setGap(16);
        JFreeChart chart = new JFreeChart(null, PaperStyle.LABEL_FONT, plot, false);
        PaperStyle.apply(chart);
        double largest = Math.max(profile.inputBytes() / 1024.0,
                layers.stream().mapToDouble(l -> l.outputBytes() / 1024.0).max().orElse(1));
        kibAxis.setRange(SMALLEST_KIB, Math.max(1, largest) * 1.6);
        return Figure.bars(NAME + "-" + profile.name(), chart, HEADER, layers.size() + 1, PITCH, data);
    }

    private static BarRenderer bars(java.awt.Paint fill, double base) {
        BarRenderer r = new BarRenderer();
        r.setBase(base);
        r.setIncludeBaseInRange(base == 0);
        r.setSeriesPaint(0, fill);
        r.setDrawBarOutline(true);
        r.setSeriesOutlinePaint(0, Color.BLACK);
        r.setSeriesOutlineStroke(0, new BasicStroke(0.4f));
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        r.setMaximumBarWidth(0.9);
        return r;
    }

    static double median(double[] samples, double otherwise) {
        if (samples.length == 0) {
            return otherwise;
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
