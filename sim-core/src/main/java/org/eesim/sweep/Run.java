package org.eesim.sweep;

/** One replication of one point: the unit of work that runs, is recorded and is resumed. */
public record Run(int point, int replication) implements Comparable<Run> {

    @Override
    public int compareTo(Run o) {
        int c = Integer.compare(point, o.point);
        return c != 0 ? c : Integer.compare(replication, o.replication);
    }
}
