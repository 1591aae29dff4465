package org.eesim.models.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-layer median differences between two timing.csv files of the same network: the numbers of
 * the README's timing-stability table (sums over layers only; branches are listed, not summed).
 */
public final class TimingCompare {

    /** A timing.csv that cannot be compared; the message names the file and line. */
    public static final class BadTimingFile extends Exception {
        private static final long serialVersionUID = 1L;

        BadTimingFile(String message) {
            super(message);
        }
    }

    private TimingCompare() {
    }

    public static String markdown(Path first, Path second) throws BadTimingFile {
        Map<String, Double> a = medians(first);
        Map<String, Double> b = medians(second);
        StringBuilder out = new StringBuilder("| row | median 1 ms | median 2 ms | diff % |\n|---|---|---|---|\n");
        double sa = 0;
        double sb = 0;
        double maxAbs = 0;
        String maxRow = "";
        List<Double> layerDiffs = new ArrayList<>();
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other == null) {
                throw new BadTimingFile(second + ": no row '" + e.getKey() + "' (it is in " + first + ")");
            }
            double d = 100 * (other - e.getValue()) / e.getValue();
            if (e.getKey().startsWith("layer ")) {
                sa += e.getValue();
                sb += other;
                layerDiffs.add(Math.abs(d));
                if (Math.abs(d) > maxAbs) {
                    maxAbs = Math.abs(d);
                    maxRow = e.getKey();
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.1f |%n", e.getKey(), e.getValue() * 1e3,
                    other * 1e3, d));
        }
        out.append(String.format(Locale.ROOT, "| sum of layer medians | %.4f | %.4f | %+.1f |%n%n"
                + "Median absolute per-layer difference: %.1f%%. Largest: %.1f%% (%s).%n",
                sa * 1e3, sb * 1e3, 100 * (sb - sa) / sa, median(layerDiffs), maxAbs, maxRow));
        return out.toString();
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** {@code kind name -> median_s} from a timing.csv ({@code kind,name,n,median_s,...}). */
    static Map<String, Double> medians(Path file) throws BadTimingFile {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new BadTimingFile(file + ": no such file");
        } catch (IOException e) {
            throw new BadTimingFile(file + ": cannot read: " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("kind,name,n,median_s")) {
            throw new BadTimingFile(file + ":1: expected the header kind,name,n,median_s,... of a timing.csv");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                out.put(f[0] + " " + f[1], Double.parseDouble(f[3]));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new BadTimingFile(file + ":" + (i + 1) + " median_s: expected kind,name,n,median_s,..."
                        + " with a number, got '" + lines.get(i) + "'");
            }
        }
        return out;
    }
}
