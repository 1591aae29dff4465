package org.eesim.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import org.eesim.analysis.style.PaperStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/** The line-with-markers charts shared by the "vs X" figures. */
final class XyCharts {

    private XyCharts() {
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(PaperStyle.LABEL_FONT);
        a.setTickLabelFont(PaperStyle.TICK_FONT);
        a.setAxisLineVisible(false);
        return a;
    }

    /** Lines with markers, series i drawn in the paper's i-th colour, dash and marker. */
    static XYLineAndShapeRenderer lines(int seriesCount, int styleOffset) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        style(r, seriesCount, styleOffset);
        return r;
    }

    /** Lines with markers and vertical 95% CI whiskers from a YIntervalSeriesCollection. */
    static XYErrorRenderer withErrorBars(int seriesCount) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setCapLength(3);
        r.setErrorStroke(new BasicStroke(0.5f));
        style(r, seriesCount, 0);
        return r;
    }

    static void style(XYLineAndShapeRenderer r, int seriesCount, int offset) {
        for (int i = 0; i < seriesCount; i++) {
            r.setSeriesPaint(i, PaperStyle.linePaint(i + offset));
            r.setSeriesStroke(i, PaperStyle.lineStroke(i + offset));
            r.setSeriesShape(i, PaperStyle.marker(i + offset));
            r.setSeriesShapesFilled(i, (i + offset) % 2 == 0);
        }
        r.setUseFillPaint(true);
        r.setDefaultFillPaint(Color.WHITE);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
    }

    static JFreeChart chart(XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, PaperStyle.LABEL_FONT, plot, legend);
        PaperStyle.apply(chart);
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    static XYPlot plot(XYDataset dataset, NumberAxis x, NumberAxis y, XYLineAndShapeRenderer r) {
        return new XYPlot(dataset, x, y, r);
    }
}
