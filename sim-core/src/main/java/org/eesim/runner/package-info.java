/**
 * Running a plan's runs on a pool of threads into a results folder, resuming what a stopped run
 * left, and merging the folders of a cluster's shards into one.
 */
package org.eesim.runner;
