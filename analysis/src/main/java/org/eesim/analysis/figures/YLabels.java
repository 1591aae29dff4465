package org.eesim.analysis.figures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * {@code --y-label}: the value axis title of a figure, {@code TEXT} when one figure is drawn
 * or {@code FIGURE=TEXT} for one of several (a title shared by the latency CDF and the
 * offloading figure would be wrong on one of them). resources-vs-x has two value axes, titled
 * {@code TOP|BOTTOM}.
 */
final class YLabels {

    private YLabels() {
    }

    /** Figure file name to title, checked against the figures to draw. */
    static Map<String, String> parse(List<String> specs, Set<Figures.Kind> drawn) {
        Map<String, String> out = new HashMap<>();
        List<Figures.Kind> figures = drawn.stream().filter(k -> k != Figures.Kind.SUMMARY).toList();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            Figures.Kind named = eq > 0 ? kind(spec.substring(0, eq)) : null;
            if (named != null) {
                if (!drawn.contains(named)) {
                    throw new IllegalArgumentException("--y-label " + spec + ": " + named.fileName()
                            + " is not drawn here");
                }
                out.put(named.fileName(), spec.substring(eq + 1));
            } else if (figures.size() == 1) {
                out.put(figures.get(0).fileName(), spec);
            } else {
                throw new IllegalArgumentException("--y-label '" + spec + "' would title " + figures.size()
                        + " figures alike: name one, as --y-label FIGURE=TEXT (e.g. latency-vs-x='Delay (ms)'),"
                        + " or draw one with --figures");
            }
        }
        return out;
    }

    private static Figures.Kind kind(String name) {
        try {
            return Figures.Kind.parse(name);
        } catch (IllegalArgumentException notAFigure) {
            return null; // "Latency=ms" is a title, not a figure
        }
    }

    /** Sets the figure's value axis title(s); null leaves them. */
    static void apply(Figure f, String title) {
        if (title == null) {
            return;
        }
        Plot plot = f.chart().getPlot();
        if (plot instanceof CombinedDomainXYPlot combined) {
            List<XYPlot> panels = combined.getSubplots();
            String[] parts = title.split("\\|", -1);
            if (parts.length != panels.size()) {
                throw new IllegalArgumentException("--y-label: " + f.name() + " has " + panels.size()
                        + " value axes, titled top to bottom as 'TOP|BOTTOM', e.g. '"
                        + f.name() + "=Busy (%)|Waiting (requests)'");
            }
            for (int i = 0; i < parts.length; i++) {
                panels.get(i).getRangeAxis().setLabel(parts[i].strip());
            }
        } else if (plot instanceof XYPlot xy) {
            xy.getRangeAxis().setLabel(title);
        } else if (plot instanceof CategoryPlot cat) {
            cat.getRangeAxis().setLabel(title);
        }
    }
}
