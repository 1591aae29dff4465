/**
 * The DSOL model: requests born on devices, FIFO stations for compute and links, the planner that
 * applies the exit rule to profiled confidences and assigns each request its edge, per-replication
 * metrics (latency, exits, utilisation, and energy with {@link org.eesim.sim.EnergyMeter}), and the runner.
 */
package org.eesim.sim;
