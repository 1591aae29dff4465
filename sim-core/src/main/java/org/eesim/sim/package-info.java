/**
 * The DSOL model: requests born on devices, FIFO stations for compute and links, the planner that
 * applies the exit rule to profiled confidences, per-replication metrics, and the runner.
 */
package org.eesim.sim;
