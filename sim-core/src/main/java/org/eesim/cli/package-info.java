/** The {@code eesim} command line (picocli): validate and run scenarios. */
package org.eesim.cli;
