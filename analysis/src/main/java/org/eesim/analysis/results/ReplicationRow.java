package org.eesim.analysis.results;

/** One line of {@code replications.csv}: a metric's value in one replication. */
public record ReplicationRow(int point, int replication, long seed, String metric, double value) {
}
