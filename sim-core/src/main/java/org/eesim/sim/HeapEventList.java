package org.eesim.sim;

import java.util.Arrays;
import java.util.Iterator;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * A binary min-heap event list for one simulator driven by one thread (no locks), ordering events
 * as DSOL does (time, then higher priority first, then id). Each event's time is kept unboxed
 * beside it, so that ordering reads one array of primitives rather than every event's boxed time;
 * priority and id are read from the events only when two times are equal.
 */
final class HeapEventList implements EventListInterface<Double> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SimEventInterface<Double>[] heap = new SimEventInterface[64];
    private double[] time = new double[64];
    private int size;

    /** DSOL's order for events at the same time: higher priority first, then lower id. */
    private static boolean tieBefore(SimEventInterface<Double> a, SimEventInterface<Double> b) {
        return a.getPriority() > b.getPriority() || a.getPriority() == b.getPriority() && a.getId() < b.getId();
    }

    private static double timeOf(SimEventInterface<Double> e) {
        return e instanceof ModelEvent m ? m.time : e.getAbsoluteExecutionTime();
    }

    @Override
    public void add(SimEventInterface<Double> event) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            time = Arrays.copyOf(time, size * 2);
        }
        double t = timeOf(event);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double pt = time[parent];
            if (!(t < pt || t == pt && tieBefore(event, heap[parent]))) {
                break;
            }
            heap[i] = heap[parent];
            time[i] = pt;
            i = parent;
        }
        heap[i] = event;
        time[i] = t;
    }

    @Override
    public SimEventInterface<Double> first() {
        return size == 0 ? null : heap[0];
    }

    /**
     * Small enough to be inlined into the simulator's loop (the sift is a call of its own): when
     * the sift was part of it, the JIT compiled it as one big method and called it per event.
     */
    @Override
    public SimEventInterface<Double> removeFirst() {
        if (size == 0) {
            return null;
        }
        SimEventInterface<Double> top = heap[0];
        int last = --size;
        if (last > 0) {
            siftDown(heap[last], time[last]);
        }
        heap[last] = null;
        return top;
    }

    /** Puts {@code e}, at time {@code t}, in the place of the root, which is being removed. */
    private void siftDown(SimEventInterface<Double> e, double t) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(right, child)) {
                child = right;
            }
            double ct = time[child];
            if (!(ct < t || ct == t && tieBefore(heap[child], e))) {
                break;
            }
            heap[i] = heap[child];
            time[i] = ct;
            i = child;
        }
        heap[i] = e;
        time[i] = t;
    }

    private boolean before(int i, int j) {
        return time[i] < time[j] || time[i] == time[j] && tieBefore(heap[i], heap[j]);
    }

    @Override
    public boolean remove(SimEventInterface<Double> event) {
        for (int i = 0; i < size; i++) {
            if (heap[i] == event) {
                SimEventInterface<Double>[] rest = Arrays.copyOf(heap, size);
                clear();
                for (int j = 0; j < rest.length; j++) {
                    if (j != i) {
                        add(rest[j]);
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean contains(SimEventInterface<Double> event) {
        for (int i = 0; i < size; i++) {
            if (heap[i] == event) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** In heap order, not time order. */
    @Override
    public Iterator<SimEventInterface<Double>> iterator() {
        return Arrays.asList(Arrays.copyOf(heap, size)).iterator();
    }
}
