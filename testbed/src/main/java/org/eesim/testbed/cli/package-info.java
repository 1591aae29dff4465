/** The {@code eesim testbed} command line. */
package org.eesim.testbed.cli;
