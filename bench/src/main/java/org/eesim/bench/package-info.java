/** Benchmarks kept apart from the tests: they measure ratios against a baseline in the same run. */
package org.eesim.bench;
