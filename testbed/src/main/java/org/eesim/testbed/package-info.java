/**
 * A real deployment of an early-exit network: device, edge and cloud JVMs in network namespaces
 * joined by kernel-shaped links, measured into eesim results folders ({@code ./eesim testbed}).
 */
package org.eesim.testbed;
