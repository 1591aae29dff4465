/** The {@code eesim-plot} command line ({@code Charts}): results folders in, figures and tables out. */
package org.eesim.analysis.cli;
