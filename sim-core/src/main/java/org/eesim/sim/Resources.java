package org.eesim.sim;

/**
 * Something a request's leg occupies: a machine's cores (work in seconds) or a link's transmitter
 * (work in bytes). It is told of each arrival in time order and answers when that job leaves,
 * so a discipline that knows the end at arrival (FIFO, as {@link Station}) needs no departure
 * event; batching or priority servers would implement this too, the route untouched.
 */
interface Resource {

    /** Admits a job of {@code work} arriving at {@code now}; returns when it has been served. */
    double serve(double now, double work);

    /** The station whose time-weighted statistics this resource keeps. */
    Station station();
}
