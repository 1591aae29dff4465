package org.eesim.analysis.results;

/** One line of {@code summary.csv}: a metric at a sweep point over n replications, 95% CI. */
public record SummaryRow(int point, String metric, int n, double mean, double sd,
        double ciLow, double ciHigh) {

    public SummaryRow {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric name is empty");
        }
    }

    /** Half the CI width; NaN when the interval is undefined (one replication, NaN metric). */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }
}
