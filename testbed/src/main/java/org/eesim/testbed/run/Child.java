package org.eesim.testbed.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A deployment process seen from the orchestrator: started with its stdin and stdout as the
 * control line protocol ({@link org.eesim.testbed.node.Control}) and its stderr in a log file.
 * Its stdin is a pipe from this JVM, so the child ends when the orchestrator ends, however it ends.
 */
final class Child implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private final Path log;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.log = log;
    }

    static Child start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new Child(name, pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** Waits for the child's first line ({@code ready}, from a relay). */
    void awaitLine(String expected, double timeoutSeconds) throws IOException {
        String line = readLine(timeoutSeconds);
        if (!expected.equals(line)) {
            throw new IOException(name + " did not start (said " + line + "); see " + log);
        }
    }

    /** Sends one command and waits up to {@code timeoutSeconds} for its reply; a failed command throws. */
    Map<String, Object> call(String cmd, Map<String, Object> args, double timeoutSeconds) throws IOException {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("cmd", cmd);
        msg.putAll(args);
        stdin.write((JSON.writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String line = readLine(timeoutSeconds);
        if (line == null) {
            throw new IOException(name + " ended while running '" + cmd + "' (status "
                    + (process.isAlive() ? "?" : process.exitValue()) + "); see " + log);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = JSON.readValue(line, Map.class);
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            throw new IOException(name + " refused '" + cmd + "': " + reply.get("error") + " (see " + log + ")");
        }
        return reply;
    }

    private String readLine(double timeoutSeconds) throws IOException {
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return f.get(Math.round(timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(name + " gave no answer in " + timeoutSeconds + " s; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + name);
        } catch (ExecutionException e) {
            throw new IOException(name + ": " + e.getCause());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Closes its stdin (it exits), then kills it if it has not ended within a second. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
