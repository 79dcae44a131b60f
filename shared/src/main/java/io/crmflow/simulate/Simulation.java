package io.crmflow.simulate;

import io.crmflow.engine.AlreadyExistsException;
import io.crmflow.engine.ConcurrentChangeException;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run: a world set up with the setup and the subject at the first event's time, then each
 * event applied at its time through the service its API route calls, with every wait that ends
 * before it run first at its own time; after the last event, the clock runs on to the horizon so
 * that waits finish. Not thread-safe; each run has its own world.
 */
final class Simulation {
    private final SimulatedWorld world;
    private final Subject subject;
    private final List<SimulationReport.Refusal> refused = new ArrayList<>();

    private Simulation(SimulatedWorld world, Subject subject) {
        this.world = world;
        this.subject = subject;
    }

    static SimulationReport run(SimulationSetup setup, Subject subject, List<InputEvent> events,
                                Simulator.Options options) {
        Instant from = events.isEmpty() ? Instant.EPOCH : events.get(0).at();
        SimulatedWorld world = new SimulatedWorld(from);
        WorldSetup.load(world, setup);
        WorldSetup.load(world, subject);
        return new Simulation(world, subject).run(from, events, options);
    }

    private SimulationReport run(Instant from, List<InputEvent> events, Simulator.Options options) {
        for (InputEvent event : events) {
            world.runDueUntil(event.at());
            world.clock.advanceTo(event.at());
            apply(event);
            world.deliverUntilQuiet();
        }
        Instant until = (events.isEmpty() ? from : events.get(events.size() - 1).at()).plus(options.horizon());
        world.runDueUntil(until);
        world.clock.advanceTo(until);
        return ReportBuilder.build(world, subject, options, new ReportBuilder.Run(from, until, events.size(), refused));
    }

    /** Applies one event as its API route would; what the route would refuse changes nothing and is kept. */
    private void apply(InputEvent event) {
        String t = SimulatedWorld.TENANT;
        var engine = world.engine;
        Instant now = world.now();
        try {
            if (event instanceof InputEvent.Create c) {
                engine.records().create(t, c.record().objectType(), c.record().id(), c.properties(), c.associations(),
                        Origin.api(), now);
            } else if (event instanceof InputEvent.Update u) {
                engine.records().update(t, u.record().objectType(), u.record().id(), u.properties(), Origin.api(), now);
            } else if (event instanceof InputEvent.ActivityLogged a) {
                engine.records().logActivity(t, a.record(), a.activity(), a.at(), Origin.api());
            } else if (event instanceof InputEvent.Membership m) {
                engine.definitions().setListMembership(t, m.listId(), m.record(), m.joined(), now);
            } else if (event instanceof InputEvent.Associate a) {
                engine.records().associate(t, a.association());
            } else if (event instanceof InputEvent.Enroll e) {
                engine.trigger().enrollManually(t, ReportBuilder.workflowId(subject), e.record(), now);
            }
        } catch (InvalidInputException | NotFoundException | AlreadyExistsException | ConcurrentChangeException e) {
            refused.add(new SimulationReport.Refusal(event.line(), e.getMessage()));
        }
    }
}
