package org.eesim.testbed.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Propagation delay for a link whose kernel has no netem: a TCP relay in the sending tier's
 * namespace. Every connection accepted on {@code listen} is joined to one made to {@code target}
 * across the shaped link, and each chunk read in either direction is held until {@code delay}
 * after it was read, then written on. Holding each chunk for the same time from its arrival
 * keeps the spacing the shaper gave it, so the rate is preserved and the delay is added once per
 * direction. One reader and one writer thread per direction and connection; Nagle is off on
 * both sockets, so nothing waits for more bytes.
 *
 * <p>What it does not do: the TCP handshake and acknowledgements of the shaped connection see no
 * delay (they cross only the relay's own hop), so TCP's round trip, and with it slow start and
 * loss recovery, is that of the unshaped path. A connection is opened once and reused (HTTP
 * keep-alive), so a handshake's missing round trip is not in the measured latencies.
 */
public final class Relay {

    private static final byte[] END = new byte[0];

    private final InetSocketAddress listen;
    private final InetSocketAddress target;
    private final long delayNanos;
    private volatile ServerSocket server;

    public Relay(InetSocketAddress listen, InetSocketAddress target, double delaySeconds) {
        this.listen = listen;
        this.target = target;
        this.delayNanos = Math.round(delaySeconds * 1e9);
    }

    /** Binds the listening socket. */
    public void bind() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen, 256);
    }

    /** Accepts connections until the process ends. */
    public void serve() throws IOException {
        while (true) {
            Socket in = server.accept();
            Thread t = new Thread(() -> join(in), "relay-join");
            t.setDaemon(true);
            t.start();
        }
    }

    private void join(Socket in) {
        try {
            Socket out = new Socket();
            out.connect(target, 10_000);
            in.setTcpNoDelay(true);
            out.setTcpNoDelay(true);
            pump(in, out, "up");
            pump(out, in, "down");
        } catch (IOException e) {
            System.err.println("relay: cannot reach " + target + ": " + e.getMessage());
            closeQuietly(in);
        }
    }

    private void pump(Socket from, Socket to, String name) throws IOException {
        InputStream src = from.getInputStream();
        OutputStream dst = to.getOutputStream();
        LinkedBlockingQueue<Object[]> held = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[65536];
            try {
                int n;
                while ((n = src.read(buf)) >= 0) {
                    long due = System.nanoTime() + delayNanos;
                    byte[] chunk = java.util.Arrays.copyOf(buf, n);
                    held.put(new Object[] {chunk, due});
                }
            } catch (IOException e) {
                // the other side closed: end the stream below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.add(new Object[] {END, System.nanoTime() + delayNanos});
        }, "relay-read-" + name);
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Object[] item = held.take();
                    long due = (Long) item[1];
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    byte[] chunk = (byte[]) item[0];
                    if (chunk == END) {
                        to.shutdownOutput();
                        break;
                    }
                    dst.write(chunk);
                    dst.flush();
                }
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "relay-write-" + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a broken socket
        }
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * {@code Relay DELAY_SECONDS LISTEN_HOST:PORT TARGET_HOST:PORT [LISTEN TARGET ...]}: one relay
     * per pair, all with the same delay; exits when its stdin closes (its owner died).
     */
    public static void main(String[] args) throws IOException {
        double delay = Double.parseDouble(args[0]);
        java.util.List<Relay> relays = new java.util.ArrayList<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            relays.add(new Relay(address(args[i]), address(args[i + 1]), delay));
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; EOF means the orchestrator is gone
                }
            } catch (IOException e) {
                // same
            }
            System.exit(0);
        }, "relay-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        for (Relay r : relays) {
            r.bind();
        }
        for (Relay r : relays.subList(1, relays.size())) {
            Thread t = new Thread(() -> {
                try {
                    r.serve();
                } catch (IOException e) {
                    System.err.println("relay: " + e.getMessage());
                }
            }, "relay-accept");
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        relays.get(0).serve();
    }
}
