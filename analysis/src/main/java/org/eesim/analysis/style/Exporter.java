package org.eesim.analysis.style;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Writes a chart at its size in points: vector PDF (for pdflatex) and SVG, and a PNG at
 * {@link #PNG_DPI} for slides and quick looks. The same size everywhere keeps the font sizes
 * true when LaTeX includes the figure at its natural width.
 */
public final class Exporter {

    public static final int PNG_DPI = 300;

    private Exporter() {
    }

    public static void pdf(JFreeChart chart, double width, double height, Path file) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() == null ? file.getFileName().toString()
                : chart.getTitle().getText());
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D g2 = page.getGraphics2D();
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        write(file, doc.getPDFBytes());
    }

    public static void svg(JFreeChart chart, double width, double height, Path file) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height, SVGUnits.PT);
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        try {
            // without a viewBox a viewer maps user units to px (1/96 in) inside a box sized in pt
            // (1/72 in): the chart would fill only the top-left three quarters of it
            SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement(null, true,
                    new ViewBox(0, 0, width, height), null, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** PNG of {@code width x height} points at {@link #PNG_DPI}. */
    public static void png(JFreeChart chart, double width, double height, Path file) {
        double scale = PNG_DPI / 72.0;
        BufferedImage image = new BufferedImage(pixels(width), pixels(height),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            hints(g2);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The PNG's rendering hints. Fractional metrics make text as wide at 300 dpi as in the
     * vector formats, and as wide as when a figure is measured for its layout.
     */
    public static void hints(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** The PNG's size in pixels for a length in points. */
    public static int pixels(double points) {
        return (int) Math.round(points * PNG_DPI / 72.0);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
