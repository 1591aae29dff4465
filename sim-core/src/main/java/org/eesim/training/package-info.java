/**
 * Split training across an edge and a cloud (seed 004, Context-Aware Compilation): training
 * profiles ({@code eesim-training-profile/1}, docs/training-profile-format.md) and their reader,
 * the four stage times of a split, the seed's closed form for a pipeline bounded by a staleness K,
 * and the seed's decision engine. Pure functions and records; the DSOL model of the pipeline is
 * {@code org.eesim.sim.TrainingReplica}.
 */
package org.eesim.training;
