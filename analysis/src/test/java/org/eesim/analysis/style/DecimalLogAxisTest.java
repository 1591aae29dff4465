package org.eesim.analysis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** A log axis labelled in plain decimals, as densely as its labels allow. */
class DecimalLogAxisTest {

    private static List<String> labels(double from, double to, double width) {
        DecimalLogAxis axis = new DecimalLogAxis("x");
        axis.setTickLabelFont(PaperStyle.TICK_FONT);
        axis.setRange(from, to);
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        Exporter.hints(g2);
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, width, 100),
                RectangleEdge.BOTTOM)) {
            ValueTick tick = (ValueTick) t;
            if (tick.getTickType() == TickType.MAJOR) {
                out.add(tick.getText());
            }
        }
        return out;
    }

    @Test
    void aRateSweepWithinOneDecadeGetsMoreThanOneLabel() {
        // JFreeChart's LogAxis labelled 0.5/s to 8/s with the single tick "1"
        assertEquals(List.of("0.5", "1", "2", "5"), labels(0.45, 9, 200));
    }

    @Test
    void decadesWhenNarrowEveryUsualStepWhenWide() {
        assertEquals(List.of("1", "10", "100", "1000", "10000"), labels(0.9, 11000, 150));
        // too narrow even for one label per decade: every second one (0.01 to 1000 KiB, the
        // per-layer figure's size axis, had "100" and "1000" run together)
        assertEquals(List.of("1", "100", "10000"), labels(0.9, 11000, 60));
        assertEquals(List.of("0.01", "1", "100"), labels(0.01, 1600, 70));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), labels(0.95, 10.5, 500));
    }
}
