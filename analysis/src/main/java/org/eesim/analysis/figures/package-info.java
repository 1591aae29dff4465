/**
 * One class per kind of figure or table. Each builds a {@link org.eesim.analysis.figures.Figure}:
 * the chart and the tidy table of exactly the numbers it plots, so that the two cannot drift.
 */
package org.eesim.analysis.figures;
