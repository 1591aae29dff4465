package org.eesim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line messages for I/O failures, naming what failed and the file, for the command line. */
final class IoErrors {

    private IoErrors() {
    }

    /**
     * The message for {@code e} or the first I/O failure among its causes (a worker thread's
     * failure arrives wrapped); {@code null} when none is an I/O failure.
     */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return withContext(u.getMessage(), u.getCause());
            }
            if (t instanceof IOException io) {
                return describe(io);
            }
        }
        return null;
    }

    /** The wrapper's context (when it has one) before the cause's description. */
    private static String withContext(String context, IOException cause) {
        String raw = String.valueOf(cause.getMessage());
        if (context == null || context.equals(cause.toString())) {
            return describe(cause); // UncheckedIOException(cause) adds no context
        }
        if (context.endsWith(": " + raw)) {
            context = context.substring(0, context.length() - raw.length() - 2);
        }
        return context + ": " + describe(cause);
    }

    /** {@code FILE: reason}; the JDK's file exceptions carry only the file name in their message. */
    static String describe(IOException e) {
        if (!(e instanceof FileSystemException f)) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String reason = f.getReason() != null ? f.getReason()
                : f instanceof NoSuchFileException ? "no such file or folder"
                : f instanceof AccessDeniedException ? "permission denied"
                : f instanceof FileAlreadyExistsException ? "already exists"
                : f instanceof NotDirectoryException ? "not a folder"
                : f instanceof DirectoryNotEmptyException ? "folder not empty"
                : f.getClass().getSimpleName();
        return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
    }
}
