package org.eesim.analysis.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The rows of {@code distribution.csv}: latency quantiles of each replication. */
public final class Distribution {

    static final String[] COLUMNS = {"point", "replication", "quantile", "latency_s"};

    private final List<DistributionRow> rows;

    public Distribution(List<DistributionRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Distribution read(Path file) {
        CsvFile csv = CsvFile.read(file, COLUMNS);
        List<DistributionRow> rows = new ArrayList<>();
        for (CsvFile.Row r : csv.rows()) {
            double q = r.number("quantile");
            if (!(q >= 0 && q <= 1)) {
                throw r.error("quantile", q + " is not a probability in [0, 1]");
            }
            double latency = r.number("latency_s");
            if (latency < 0) {
                throw r.error("latency_s", latency + " is negative");
            }
            rows.add(new DistributionRow(r.nonNegativeInt("point"), r.nonNegativeInt("replication"),
                    q, latency));
        }
        return new Distribution(rows);
    }

    public List<DistributionRow> rows() {
        return rows;
    }

    /**
     * Quantile to the mean over replications of the latency at that quantile: the
     * quantile-averaged ("Vincentised") CDF, which keeps each replication's shape instead of
     * pooling requests from runs of different length.
     */
    public SortedMap<Double, Double> meanQuantiles(int point) {
        Map<Double, double[]> sums = new TreeMap<>();
        for (DistributionRow r : rows) {
            if (r.point() == point) {
                double[] s = sums.computeIfAbsent(r.quantile(), q -> new double[2]);
                s[0] += r.latencySeconds();
                s[1]++;
            }
        }
        SortedMap<Double, Double> out = new TreeMap<>();
        sums.forEach((q, s) -> out.put(q, s[0] / s[1]));
        return out;
    }
}
