package org.eesim.analysis.results;

import java.nio.file.Path;

/**
 * A problem in the user's results files, not in this program: the CLI prints the message alone.
 * The message follows the compiler convention {@code FILE:LINE column: reason} so editors and
 * terminals can jump to the spot.
 */
public final class ResultsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code FILE:LINE column: reason}; line 0 or a null column are left out. */
    public static ResultsException at(Path file, long line, String column, String reason) {
        StringBuilder where = new StringBuilder(file.toString());
        if (line > 0) {
            where.append(':').append(line);
        }
        if (column != null) {
            where.append(' ').append(column);
        }
        return new ResultsException(where + ": " + reason);
    }
}
