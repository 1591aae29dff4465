package org.eesim.policy;

/**
 * Decides the cuts (and the exit rule) from what is known now about the uplink. Called at the
 * start of a replication with the link's nominal rate and again whenever the uplink estimate
 * changes; a policy that ignores the rate returns the same decision every time.
 *
 * <p>Contract (checked for every policy by the contract test): the cuts are within the
 * network and place layers only on tiers that exist; the same inputs give the same decision.
 */
public interface OffloadPolicy {

    /** @param uplinkBps the current estimate of the uplink's rate, bits per second */
    Decision decide(double uplinkBps);
}
