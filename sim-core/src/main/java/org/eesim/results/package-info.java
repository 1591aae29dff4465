/** The results folder: tidy CSV tables and the provenance of a run (DESIGN.md, "Results"). */
package org.eesim.results;
