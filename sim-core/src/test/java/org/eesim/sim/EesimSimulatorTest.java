package org.eesim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;

import org.junit.jupiter.api.Test;

/**
 * DSOL's contract on eesim's simulator, whose clock is kept unboxed during eesim's own events:
 * the time anyone reads (getSimulatorTime, DSOL's relative and immediate scheduling, which read
 * DSOL's clock field directly) is the time of the event being executed, and after the run the
 * time of the last one; the stopping condition ends the run.
 */
class EesimSimulatorTest {

    /** A model whose events record what they see; what they do is set per test. */
    static final class Probe extends AbstractDsolModel<Double, DevsSimulatorInterface<Double>> {
        private static final long serialVersionUID = 1L;
        final transient Events events;
        final transient List<String> seen = new ArrayList<>();
        transient Runnable construct = () -> { };
        boolean done;

        Probe(DevsSimulatorInterface<Double> s) {
            super(s);
            this.events = new Events(s);
        }

        @Override
        public void constructModel() {
            construct.run();
        }
    }

    private static Probe run(java.util.function.Consumer<Probe> setUp) {
        EesimSimulator sim = new EesimSimulator("probe-" + System.nanoTime());
        SingleReplication<Double> rep = new SingleReplication<>("probe-" + System.nanoTime(), 0.0, 0.0, 100.0);
        rep.setStoppingCondition((Probe p) -> p.done);
        Probe p = new Probe(sim);
        setUp.accept(p);
        sim.initialize(p, rep);
        try {
            sim.runHere();
        } finally {
            sim.cleanUp();
            rep.removeFromContext();
        }
        return p;
    }

    @Test
    void everyReaderSeesTheTimeOfTheEventBeingExecuted() {
        Probe p = run(probe -> probe.construct = () -> {
            DevsSimulatorInterface<Double> sim = probe.getSimulator();
            probe.events.at(1.5, () -> {
                probe.seen.add("getSimulatorTime " + sim.getSimulatorTime());
                // DSOL's relative and immediate schedules read the clock field itself
                sim.scheduleEventRel(2.0, () -> probe.seen.add("rel " + sim.getSimulatorTime()));
                sim.scheduleEventNow(() -> probe.seen.add("now " + sim.getSimulatorTime()));
                probe.events.at(2.25, () -> {
                    probe.seen.add("clock " + probe.events.now());
                    // from one of eesim's own events, whose time DSOL's field has not been set to yet
                    sim.scheduleEventRel(0.5, () -> probe.seen.add("rel from model event " + sim.getSimulatorTime()));
                });
            });
            probe.events.at(9.0, () -> probe.done = true);
        });
        assertEquals(List.of("getSimulatorTime 1.5", "now 1.5", "clock 2.25", "rel from model event 2.75", "rel 3.5"),
                p.seen);
        assertEquals(9.0, p.getSimulator().getSimulatorTime(), "after the run: the last event's time");
    }

    @Test
    void schedulingInThePastOrAtNaNIsRefusedAtTheCurrentEventsTime() {
        List<String> messages = new ArrayList<>();
        run(probe -> probe.construct = () -> probe.events.at(4.0, () -> {
            for (double t : new double[] {3.999, Double.NaN}) {
                SimRuntimeException e = assertThrows(SimRuntimeException.class,
                        () -> probe.getSimulator().scheduleEvent(new ModelEvent(t, 99, () -> { })));
                messages.add(e.getMessage());
            }
            probe.done = true;
        }));
        assertEquals(List.of("cannot schedule an event at t=3.999: the clock is at 4.0",
                "cannot schedule an event at t=NaN: the clock is at 4.0"), messages);
    }
}
