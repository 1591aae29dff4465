package org.eesim.analysis.results;

/**
 * Where a sweep point's x-value comes from: a scenario key, read from the sweep's
 * {@code points.csv} when the key was swept and from the point's resolved scenario otherwise
 * ({@link ScenarioKeyAxis}).
 */
public interface PointAxis {

    /** The axis label with its unit, e.g. {@code links.uplink.bandwidth (Mbps)}. */
    String label();

    /** The x-value of {@code point} in {@code folder}, in the unit of {@link #label()}. */
    double x(ResultsFolder folder, int point);
}
