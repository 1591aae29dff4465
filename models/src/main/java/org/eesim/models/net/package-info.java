/**
 * Early-exit networks in DJL: the seeds' backbones rebuilt for 28 px images with FLOPs counted
 * per layer, side-branch placement by cumulative FLOPs, and the multi-exit block that trains them.
 */
package org.eesim.models.net;
