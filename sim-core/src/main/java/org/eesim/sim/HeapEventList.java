package org.eesim.sim;

import java.util.Arrays;
import java.util.Iterator;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * A binary min-heap event list for one simulator driven by one thread (no locks), ordering events
 * as DSOL does (time, then higher priority first, then id), with a primitive fast path when both
 * events are {@link ModelEvent}s.
 */
final class HeapEventList implements EventListInterface<Double> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SimEventInterface<Double>[] heap = new SimEventInterface[64];
    private int size;

    private static boolean before(SimEventInterface<Double> a, SimEventInterface<Double> b) {
        if (a instanceof ModelEvent x && b instanceof ModelEvent y) {
            return x.time < y.time || x.time == y.time && x.id < y.id;
        }
        return a.compareTo(b) < 0;
    }

    @Override
    public void add(SimEventInterface<Double> event) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            SimEventInterface<Double> p = heap[parent];
            if (!before(event, p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = event;
    }

    @Override
    public SimEventInterface<Double> first() {
        return size == 0 ? null : heap[0];
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        if (size == 0) {
            return null;
        }
        SimEventInterface<Double> top = heap[0];
        SimEventInterface<Double> last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
        return top;
    }

    private void siftDown(int i, SimEventInterface<Double> e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            SimEventInterface<Double> c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, e)) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = e;
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
