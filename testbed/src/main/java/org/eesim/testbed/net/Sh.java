package org.eesim.testbed.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs system commands ({@code ip}, {@code tc}) and fails with their own error message. */
public final class Sh {

    /** What a command printed and how it ended. */
    public record Result(int status, String out, String err) {
        public boolean ok() {
            return status == 0;
        }
    }

    private Sh() {
    }

    /** Runs {@code command}; a non-zero status throws, naming the command and its stderr. */
    public static String run(String... command) {
        Result r = exec(Arrays.asList(command));
        if (!r.ok()) {
            throw new IllegalStateException("command failed (status " + r.status() + "): " + String.join(" ", command)
                    + (r.err().isBlank() ? "" : ": " + r.err().strip()));
        }
        return r.out();
    }

    /** Runs {@code command} and reports how it went, never throwing for a failed command. */
    public static Result exec(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // the outputs of ip and tc are small: read stdout, then stderr
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out after 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    /** Runs {@code command} inside network namespace {@code ns}. */
    public static String in(String ns, String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = ns;
        System.arraycopy(command, 0, full, 4, command.length);
        return run(full);
    }
}
