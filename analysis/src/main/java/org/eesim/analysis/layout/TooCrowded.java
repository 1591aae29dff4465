package org.eesim.analysis.layout;

/**
 * A figure whose legend entries or bars cannot be drawn readably at its width within the height
 * bound. A user error (exit status 2): the message says how many there are, how many would fit,
 * and the figure adds what to do.
 */
public final class TooCrowded extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final int count;
    private final int capacity;
    private final Columns columns;

    public TooCrowded(String what, int count, int capacity, Columns columns) {
        super(count + " " + what + " do not fit " + columns.words() + " (at most " + capacity
                + " here)");
        this.what = what;
        this.count = count;
        this.capacity = capacity;
        this.columns = columns;
    }

    /** {@code legend entries} or {@code bars}. */
    public String what() {
        return what;
    }

    public int count() {
        return count;
    }

    /** How many would fit, with labels as long as these. */
    public int capacity() {
        return capacity;
    }

    public Columns columns() {
        return columns;
    }
}
