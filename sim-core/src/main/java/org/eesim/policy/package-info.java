/**
 * Offloading policies: who decides, while a replication runs, where the cuts are and which exit
 * thresholds hold. One interface ({@link org.eesim.policy.OffloadPolicy}), small implementations
 * (fixed cuts, device/edge/cloud only, POPEX, TinyML, Neurosurgeon), and the expected-time and
 * expected-energy model they share ({@link org.eesim.policy.NetworkCosts}).
 */
package org.eesim.policy;
