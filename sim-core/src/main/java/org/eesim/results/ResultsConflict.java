package org.eesim.results;

/**
 * A results folder that cannot be used for this run: it holds another scenario's results, or
 * something that is not a results folder. A user error: the CLI prints the message, no trace.
 */
public final class ResultsConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultsConflict(String message) {
        super(message);
    }
}
