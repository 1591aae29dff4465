/**
 * Figures and tables for papers, drawn from results folders that sim-core wrote. Nothing here
 * imports sim-core: the folder's CSV and YAML files are the contract, so any chart can be
 * redrawn years later without re-running a simulation.
 */
package org.eesim.analysis;
