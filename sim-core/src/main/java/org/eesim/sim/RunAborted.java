package org.eesim.sim;

/**
 * A replication that cannot give a meaningful result from this scenario (a queue growing without
 * bound, no request measured): the user's input is at fault, not the code. The message says
 * what happened and what to change.
 */
public final class RunAborted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunAborted(String message) {
        super(message);
    }
}
