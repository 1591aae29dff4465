package org.eesim.analysis.results;

/**
 * Where a sweep point's x-value comes from. Today every folder is one point and the value is a
 * key of its {@code resolved.yaml}; when sim-core writes sweeps, a {@code points.csv} reader
 * implements this too and the figures do not change.
 */
public interface PointAxis {

    /** The axis label with its unit, e.g. {@code links.uplink.bandwidth (Mbps)}. */
    String label();

    /** The x-value of {@code point} in {@code folder}, in the unit of {@link #label()}. */
    double x(ResultsFolder folder, int point);
}
