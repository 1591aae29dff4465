/** The {@code Charts} command line: results folders in, figures and tables out. */
package org.eesim.analysis.cli;
