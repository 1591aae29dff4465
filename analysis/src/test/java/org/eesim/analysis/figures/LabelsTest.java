package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.analysis.layout.EllipsisCategoryAxis;
import org.eesim.analysis.results.ResultsFolder;
import org.eesim.analysis.style.Exporter;
import org.eesim.analysis.style.Numbers;
import org.eesim.analysis.style.PaperStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How points, series and bars are named: values, not keys; never shortened into another value. */
class LabelsTest {

    @TempDir
    Path tmp;

    @Test
    void valuesSpeakForThemselvesAndBareNumbersNameTheirKey() {
        assertEquals("2.15 Mbps", Labels.value("links.uplink.bandwidth", "2.15443 Mbps", 3));
        assertEquals("100 Mbps", Labels.value("links.uplink.bandwidth", "100 Mbps", 3));
        assertEquals("20000 kbps", Labels.value("links.uplink.bandwidth", "20000 kbps", 3));
        assertEquals("0.5/s", Labels.value("workload.arrival.rate", "0.5/s", 3));
        assertEquals("threshold 0.5", Labels.value("early_exit.threshold", "0.5", 3));
        assertEquals("device count 4", Labels.value("tiers.device.count", "4", 3));
        assertEquals("blur-3", Labels.value("workload.mix", "{blur-3: 1}", 3));
        assertEquals("{pristine: 0.5, blur-3: 0.5}", Labels.value("workload.mix", "{pristine: 0.5, blur-3: 0.5}", 3));
        assertEquals("entropy", Labels.value("early_exit.rule", "entropy", 3));
        assertEquals("uplink shared true", Labels.value("links.uplink.shared", "true", 3));
        assertEquals("cac-resnet50-tx2", Labels.value("profile", "../profiles/cac-resnet50-tx2", 3), "a folder: its name");
        assertEquals("jointdnn", Labels.value("training.policy", "{type: jointdnn}", 3), "a section named by its type");
        assertEquals("{type: fixed, split: 4}", Labels.value("training.policy", "{type: fixed, split: 4}", 3));
    }

    @Test
    void numbersKeepThreeSignificantDigitsWithoutExponents() {
        assertEquals("2.15", Numbers.significant(2.15443, 3));
        assertEquals("46.4", Numbers.significant(46.4159, 3));
        assertEquals("100", Numbers.significant(100, 3));
        assertEquals("0.5", Numbers.significant(0.5, 3));
        assertEquals("0.000123", Numbers.significant(0.000123456, 3));
        assertEquals("1230", Numbers.significant(1234, 3));
        assertEquals("0", Numbers.significant(0, 3));
    }

    @Test
    void moreDigitsWhereThreeWouldMakeTwoValuesAlike() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("close"));
        Files.writeString(dir.resolve("summary.csv"), "point,metric,n,mean,sd,ci_low,ci_high\n"
                + "0,requests,1,1,0,1,1\n1,requests,1,1,0,1,1\n2,requests,1,1,0,1,1\n");
        Files.writeString(dir.resolve("points.csv"), "point,links.uplink.bandwidth,early_exit.threshold,seed\n"
                + "0,2.154 Mbps,0.5,1\n1,2.155 Mbps,0.5,2\n2,100 Mbps,0.6,3\n");
        ResultsFolder f = ResultsFolder.open(dir);
        Labels labels = Labels.of(List.of(f));
        assertEquals("2.154 Mbps, threshold 0.5", labels.point(f, 0, List.of()));
        assertEquals("2.155 Mbps, threshold 0.5", labels.point(f, 1, List.of()));
        assertEquals("100 Mbps", labels.point(f, 2, List.of("early_exit.threshold")));
    }

    @Test
    void longBarLabelsKeepBothEndsAndNeverReadAsAnotherValue() {
        EllipsisCategoryAxis axis = new EllipsisCategoryAxis();
        axis.setMaxLabelWidth(80);
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        Exporter.hints(g2);
        String label = "links.uplink.bandwidth=100 Mbps, early_exit.threshold=0.85";
        String shown = axis.shortened(label, PaperStyle.TICK_FONT, g2);
        assertTrue(shown.contains("\u2026"), shown);
        assertTrue(shown.endsWith("0.85") && shown.startsWith("links"), shown);
        assertTrue(g2.getFontMetrics(PaperStyle.TICK_FONT).getStringBounds(shown, g2).getWidth() <= 80, shown);
        assertFalse(shown.contains("1 Mbp"), "JFreeChart's own wrap cut 100 Mbps to '1 Mbp...': " + shown);
        assertEquals("1 Mbps", axis.shortened("1 Mbps", PaperStyle.TICK_FONT, g2), "a short label stays whole");
        assertTrue(PaperStyle.TICK_FONT.canDisplay('\u2026'), "the figure font has the ellipsis");
    }

    @Test
    void aRenameOfNothingDrawnIsRefused() {
        Renames r = Renames.parse(List.of("a=b", "c = d"));
        assertEquals("b", r.apply("a"));
        assertEquals("x", r.apply("x"));
        var e = assertThrows(IllegalArgumentException.class, r::requireAllUsed);
        assertEquals("--rename: no legend entry or bar is called 'c' (drawn: x)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Renames.parse(List.of("no equals sign")));
    }
}
