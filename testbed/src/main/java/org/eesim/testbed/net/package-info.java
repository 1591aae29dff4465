/**
 * The links of a deployment: network namespaces and veth pairs made with {@code ip}, rate shaped
 * by {@code tc tbf}, propagation delay added by a relay process, CPU quotas by cgroups; what the
 * kernel offers is detected, and everything made is removed again by an idempotent cleanup.
 */
package org.eesim.testbed.net;
