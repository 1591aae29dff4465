/**
 * Sizing a figure for its column: the legend laid out in columns below the plot, the figure
 * grown by the legend's height so the plot keeps its size, and a refusal, naming what to do,
 * when the legend or the bars cannot fit within the bound ({@link org.eesim.analysis.layout.Fit}).
 */
package org.eesim.analysis.layout;
