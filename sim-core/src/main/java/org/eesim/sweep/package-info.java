/**
 * Parameter sweeps: the {@code sweep} section of a scenario (which keys, which values, grid or
 * zip), its expansion into points, each point read as a plain scenario by applying its values to
 * the YAML tree, the seeds of each (point, replication), and the deterministic slice of runs a
 * shard takes.
 */
package org.eesim.sweep;
