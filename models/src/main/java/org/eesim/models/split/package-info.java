/**
 * Split training across an edge and a cloud (seed 004, issue 13), done for real in DJL: the edge
 * runs layers 0..i, sends its features (fp32 or int8), the cloud trains the rest and returns the
 * features' gradient, and the edge applies it K iterations later by replaying its forward on the
 * stored input with its current weights. Used to measure what staleness and quantisation cost in
 * accuracy, and to time the two parts for a training profile.
 */
package org.eesim.models.split;
