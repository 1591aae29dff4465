package org.eesim.sim;

/**
 * The resources of one kind that a request's leg can occupy, 0..n-1: a tier's machines (work in
 * seconds of their cores) or a link's transmitters (work in bytes). Each is told of its arrivals
 * in time order and answers when that job leaves, so a discipline that knows the end at arrival
 * (FIFO, as {@link Stations}) needs no departure event; batching or priority servers would
 * implement this too, the route untouched. One object per kind, not per resource: a route names
 * a kind and an index, and a model of 10,000 devices has no per-device object on its path.
 */
interface Resources {

    /** Admits to resource {@code member} a job of {@code work} arriving at {@code now}; returns when it leaves. */
    double serve(int member, double now, double work);

    /** The stations whose time-weighted statistics these resources keep. */
    Stations stations();
}
