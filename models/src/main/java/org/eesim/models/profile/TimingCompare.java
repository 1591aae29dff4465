package org.eesim.models.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-layer median differences between two timing.csv files of the same network. */
public final class TimingCompare {

    private TimingCompare() {
    }

    public static String markdown(Path first, Path second) throws IOException {
        Map<String, Double> a = medians(first);
        Map<String, Double> b = medians(second);
        StringBuilder out = new StringBuilder("| layer | median 1 ms | median 2 ms | diff % |\n|---|---|---|---|\n");
        double sa = 0;
        double sb = 0;
        double maxAbs = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other == null) {
                throw new IOException(second + " has no row " + e.getKey());
            }
            double d = 100 * (other - e.getValue()) / e.getValue();
            maxAbs = Math.max(maxAbs, Math.abs(d));
            sa += e.getValue();
            sb += other;
            out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.1f |%n", e.getKey(), e.getValue() * 1e3,
                    other * 1e3, d));
        }
        out.append(String.format(Locale.ROOT, "| sum of all rows | %.4f | %.4f | %+.1f |%n%nLargest per-row difference: %.1f%%.%n",
                sa * 1e3, sb * 1e3, 100 * (sb - sa) / sa, maxAbs));
        return out.toString();
    }

    static Map<String, Double> medians(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0] + " " + f[1], Double.parseDouble(f[3]));
        }
        return out;
    }
}
