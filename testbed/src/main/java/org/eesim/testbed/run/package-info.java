/**
 * The orchestrator: the testbed file, a deployment's processes and links started and torn down,
 * the measured runs of a scenario's points written as an eesim results folder, the calibration
 * that measures what the simulator needs, and the comparison of measured and simulated runs.
 */
package org.eesim.testbed.run;
