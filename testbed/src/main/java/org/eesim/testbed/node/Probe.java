package org.eesim.testbed.node;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures a link as the deployment's processes see it, through the same relay and shaper: a
 * sink in every server ({@link #serve}) that reads a length-prefixed block and answers one byte,
 * and a client ({@link #measure}) that sends blocks of chosen sizes one at a time, each after the
 * previous answer and a pause (so the token bucket refills: every block starts on a full bucket).
 * An empty block's round trip is twice the one-way delay plus the relays' and sockets' own cost.
 */
public final class Probe {

    private Probe() {
    }

    /** A sink on {@code port}, one thread per connection, for as long as the process lives. */
    static void serve(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port), 64);
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    Thread c = new Thread(() -> sink(s), "probe-sink");
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "probe-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void sink(Socket s) {
        try (s; DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(s.getInputStream(), 65536));
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            s.setTcpNoDelay(true);
            byte[] buf = new byte[65536];
            while (true) {
                long n = in.readLong();
                while (n > 0) {
                    int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                    if (r < 0) {
                        return;
                    }
                    n -= r;
                }
                out.write(1);
                out.flush();
            }
        } catch (IOException e) {
            // the client is done
        }
    }

    /**
     * Sends {@code repetitions} blocks of each size in {@code sizes} to the sink at {@code host:port},
     * pausing {@code pauseSeconds} between them; returns, per size, the median and every round
     * trip in seconds.
     */
    static Map<String, Object> measure(String host, int port, long[] sizes, int repetitions, double pauseSeconds)
            throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setTcpNoDelay(true);
            DataOutputStream os = new DataOutputStream(new java.io.BufferedOutputStream(s.getOutputStream(), 65536));
            java.io.InputStream is = s.getInputStream();
            byte[] block = new byte[65536];
            for (long size : sizes) {
                double[] rtt = new double[repetitions];
                for (int r = -1; r < repetitions; r++) { // one unrecorded round first
                    Thread.sleep(Math.round(pauseSeconds * 1000));
                    long t0 = System.nanoTime();
                    os.writeLong(size);
                    long left = size;
                    while (left > 0) {
                        int n = (int) Math.min(block.length, left);
                        os.write(block, 0, n);
                        left -= n;
                    }
                    os.flush();
                    if (is.read() < 0) {
                        throw new IOException("the probe sink closed the connection");
                    }
                    if (r >= 0) {
                        rtt[r] = (System.nanoTime() - t0) / 1e9;
                    }
                }
                double[] sorted = rtt.clone();
                Arrays.sort(sorted);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("median_s", sorted[sorted.length / 2]);
                m.put("seconds", Arrays.stream(rtt).boxed().toList());
                out.put(Long.toString(size), m);
            }
        }
        return out;
    }
}
