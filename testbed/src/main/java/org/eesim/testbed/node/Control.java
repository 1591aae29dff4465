package org.eesim.testbed.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A child process's side of the orchestrator's line protocol: one JSON object per line on
 * stdin ({@code {"cmd": "...", ...}}), one JSON reply per line on stdout ({@code {"ok": true, ...}}
 * or {@code {"ok": false, "error": "..."}}). The end of stdin means the orchestrator is gone, by
 * whatever means (even SIGKILL): the process then exits, so no deployment process outlives it.
 */
public final class Control {

    /** Handles one command; returns the reply's fields. */
    public interface Handler {
        Map<String, Object> handle(String cmd, Map<String, Object> args) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private Control() {
    }

    /** Serves commands until stdin ends, then exits the JVM. Diagnostics go to stderr. */
    public static void serve(Handler handler) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write on the protocol's stream
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Map<String, Object> reply = new LinkedHashMap<>();
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> msg = JSON.readValue(line, Map.class);
                    String cmd = String.valueOf(msg.get("cmd"));
                    reply.put("ok", true);
                    reply.putAll(handler.handle(cmd, msg));
                    if ("exit".equals(cmd)) {
                        out.println(JSON.writeValueAsString(reply));
                        break;
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    reply.clear();
                    reply.put("ok", false);
                    reply.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                out.println(JSON.writeValueAsString(reply));
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("command needs a number '" + key + "', got " + v);
        }
        return n.doubleValue();
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("command needs '" + key + "'");
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    static java.util.List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof java.util.List<?> l)) {
            throw new IllegalArgumentException("command needs a list '" + key + "', got " + v);
        }
        return (java.util.List<Object>) l;
    }

    static double[] doubles(Map<String, Object> m, String key) {
        return list(m, key).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    static boolean[] booleans(Map<String, Object> m, String key) {
        java.util.List<Object> l = list(m, key);
        boolean[] b = new boolean[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (Boolean) l.get(i);
        }
        return b;
    }
}
