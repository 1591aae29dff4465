/**
 * Profiles of early-exit networks (DESIGN.md, "Profiles"): layers, branches, and per input
 * condition the exit behaviour as per-sample traces or imported rates; and their reader.
 */
package org.eesim.profile;
