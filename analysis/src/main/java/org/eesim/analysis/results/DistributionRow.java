package org.eesim.analysis.results;

/** One line of {@code distribution.csv}: a replication's latency at one quantile. */
public record DistributionRow(int point, int replication, double quantile, double latencySeconds) {
}
