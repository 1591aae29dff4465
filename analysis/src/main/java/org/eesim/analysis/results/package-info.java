/**
 * Reading results folders ({@code summary.csv}, {@code distribution.csv},
 * {@code replications.csv}, {@code resolved.yaml}) into immutable rows. Every user error (a
 * missing file, column or bad value) is a {@link org.eesim.analysis.results.ResultsException}
 * whose message reads {@code FILE:LINE column: reason}, so the CLI prints it without a stack
 * trace.
 */
package org.eesim.analysis.results;
