package org.eesim.models.timing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eesim.models.profile.LayerTimer;
import org.eesim.models.profile.ProfileWriter;

/**
 * The files a timing run writes beside (or instead of) profile.yaml: timing.csv (per layer and
 * branch, then the whole and split passes and the dispatch probe per operation kind; the first eight columns are
 * those of every profile's timing.csv, so {@code compare-timing} reads it), samples.csv (every raw
 * repetition, one column per layer, branch and pass, one row per repetition, so the repetitions of
 * one pass stay together) and timing-provenance.json (the provenance, for importers of
 * {@code --timing-only} runs). Column {@code fixed_s} is the fixed dispatch cost inside each row's
 * time ({@link DispatchProbe}); for a probe row, its median.
 */
public final class TimingFiles {

    static final String HEADER = "kind,name,n,median_s,p25_s,p75_s,mean_s,sd_s,ops,fixed_s,output_shape,output_bytes,flops";

    private TimingFiles() {
    }

    static String timingCsv(List<ProfileWriter.LayerEntry> layers, List<ProfileWriter.BranchEntry> branches,
            PassTimer.Result r) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int k = 0; k < layers.size(); k++) {
            ProfileWriter.LayerEntry l = layers.get(k);
            b.append(row("layer", l.name(), l.samples())).append(',').append(r.layerOps()[k]).append(',')
                    .append(g(r.layerFixedSeconds()[k])).append(',').append(shape(l.outputShape())).append(',').append(ProfileWriter.bytes(l.outputShape()))
                    .append(',').append(l.flops()).append('\n');
        }
        for (int i = 0; i < branches.size(); i++) {
            b.append(row("branch", branches.get(i).name(), branches.get(i).samples())).append(',')
                    .append(r.branchOps()[i]).append(',').append(g(r.branchFixedSeconds()[i])).append(",,,\n");
        }
        int ops = java.util.Arrays.stream(r.layerOps()).sum() + java.util.Arrays.stream(r.branchOps()).sum();
        String fixed = g(java.util.Arrays.stream(r.layerFixedSeconds()).sum()
                + java.util.Arrays.stream(r.branchFixedSeconds()).sum());
        b.append(row("pass", "whole", r.wholeSeconds())).append(',').append(ops).append(',').append(fixed)
                .append(",,,\n");
        b.append(row("pass", "split", r.splitSeconds())).append(',').append(ops).append(',').append(fixed)
                .append(",,,\n");
        r.probe().forEach((kind, v) -> b.append(row("probe", kind, v)).append(",1,")
                .append(g(LayerTimer.median(v))).append(",,,\n"));
        b.append(row("reference", "conv64_56_before", r.referenceBefore())).append(",1,,,,\n");
        b.append(row("reference", "conv64_56_after", r.referenceAfter())).append(",1,,,,\n");
        return b.toString();
    }

    static String samplesCsv(List<ProfileWriter.LayerEntry> layers, List<ProfileWriter.BranchEntry> branches,
            PassTimer.Result r) {
        StringBuilder b = new StringBuilder("repetition");
        layers.forEach(l -> b.append(",layer/").append(l.name()));
        branches.forEach(x -> b.append(",branch/").append(x.name()));
        b.append(",pass/whole,pass/split\n");
        for (int rep = 0; rep < r.wholeSeconds().length; rep++) {
            b.append(rep);
            for (ProfileWriter.LayerEntry l : layers) {
                b.append(',').append(g(l.samples()[rep]));
            }
            for (ProfileWriter.BranchEntry x : branches) {
                b.append(',').append(g(x.samples()[rep]));
            }
            b.append(',').append(g(r.wholeSeconds()[rep])).append(',').append(g(r.splitSeconds()[rep])).append('\n');
        }
        return b.toString();
    }

    static String json(Map<String, String> provenance) {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : provenance.entrySet()) {
            // a YAML double-quoted scalar is JSON for these strings (ProfileWriter.q escapes as JSON does)
            b.append("  ").append(ProfileWriter.q(e.getKey())).append(": ").append(ProfileWriter.q(e.getValue()))
                    .append(++i < provenance.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static String row(String kind, String name, double[] s) {
        return ProfileWriter.timingCells(kind, name, s);
    }

    private static String shape(long[] s) {
        return String.join("x", java.util.Arrays.stream(s).mapToObj(Long::toString).toList());
    }

    static String g(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
