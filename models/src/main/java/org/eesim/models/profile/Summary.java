package org.eesim.models.profile;

import java.util.List;
import java.util.Locale;

/** A Markdown summary of a profile: per-exit accuracy and exit rates, per-layer time and size. */
public final class Summary {

    private Summary() {
    }

    static String markdown(String name, List<ProfileWriter.LayerEntry> layers, List<ProfileWriter.BranchEntry> branches,
            List<ProfileWriter.ConditionEntry> conditions, double pTar) {
        StringBuilder b = new StringBuilder("### " + name + "\n\n");
        b.append(String.format(Locale.ROOT, "Per exit: accuracy on all test samples / share of samples leaving there"
                + " under max-softmax with p_tar %.1f; last column the early-exit inference's accuracy.%n%n", pTar));
        b.append("| condition |");
        branches.forEach(x -> b.append(' ').append(x.name()).append(" |"));
        b.append(" final | overall |\n|---|");
        b.append("---|".repeat(branches.size() + 2)).append('\n');
        for (ProfileWriter.ConditionEntry c : conditions) {
            if (!List.of("pristine", "blur-3", "noise-3").contains(c.name().replaceAll("@.*", ""))) {
                continue;
            }
            ExitStats s = c.stats();
            int[] counts = s.exitCounts(pTar);
            b.append("| ").append(c.name()).append(" |");
            for (int e = 0; e < s.exits(); e++) {
                b.append(String.format(Locale.ROOT, " %.3f / %.3f |", s.accuracy(e), (double) counts[e] / s.samples()));
            }
            b.append(String.format(Locale.ROOT, " %.3f |%n", s.overallAccuracy(pTar)));
        }
        b.append('\n').append(layerTable(layers, branches, "[10]"));
        return b.toString();
    }

    /**
     * The per-layer table (median, IQR, output shape, KiB, MFLOPs; then each branch with
     * {@code branchOutput} as its output) and the sum of the layers' medians.
     */
    public static String layerTable(List<ProfileWriter.LayerEntry> layers, List<ProfileWriter.BranchEntry> branches,
            String branchOutput) {
        StringBuilder b = new StringBuilder("| layer | median ms | IQR ms | output | KiB | MFLOPs |\n|---|---|---|---|---|---|\n");
        double total = 0;
        for (ProfileWriter.LayerEntry l : layers) {
            double med = LayerTimer.median(l.samples());
            total += med;
            b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %.1f | %.2f |%n", l.name(), med * 1e3,
                    (LayerTimer.quantile(l.samples(), 0.75) - LayerTimer.quantile(l.samples(), 0.25)) * 1e3,
                    java.util.Arrays.toString(l.outputShape()), ProfileWriter.bytes(l.outputShape()) / 1024.0,
                    l.flops() / 1e6));
        }
        for (ProfileWriter.BranchEntry x : branches) {
            b.append(String.format(Locale.ROOT, "| branch %s (after %s) | %.3f | %.3f | %s | | |%n", x.name(),
                    x.after(), LayerTimer.median(x.samples()) * 1e3,
                    (LayerTimer.quantile(x.samples(), 0.75) - LayerTimer.quantile(x.samples(), 0.25)) * 1e3,
                    branchOutput));
        }
        b.append(String.format(Locale.ROOT, "%nSum of layer medians: %.3f ms.%n", total * 1e3));
        return b.toString();
    }
}
