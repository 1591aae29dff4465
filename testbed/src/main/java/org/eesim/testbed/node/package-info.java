/**
 * The processes of a deployment: the tier servers (edge, cloud) that run their layers and
 * branches on DJL and apply the exit rule, the device fleet of emulated end nodes, the wire format
 * of tensors and answers, and the line protocol by which the orchestrator drives each process.
 */
package org.eesim.testbed.node;
