package io.crmflow.local.it;

import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SettableClock;
import io.crmflow.model.RecordRef;
import io.crmflow.simulate.InputEvent;
import io.crmflow.store.DueStep;
import io.crmflow.store.EnrollmentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a simulation's events file through the API of a local stack, as the simulator plays it
 * through the engine: each event at its time — every wait ending before it first, at its own
 * time, by moving the stack's clock there and letting the timer and the handlers run — then the
 * clock on to the horizon. What the API refuses is noted by line, as the simulator notes it.
 */
final class SampleReplay {
    private final LocalStack stack;
    private final SettableClock clock;
    private final Api api;
    private final String workflowId;
    private final EnrollmentStore dueIndex;
    /** The lines of the events the API refused. */
    final List<Long> refused = new ArrayList<>();

    /** @param workflowId the workflow an {@code enroll} line enrolls in */
    SampleReplay(LocalStack stack, SettableClock clock, Api api, String workflowId) {
        this.stack = stack;
        this.clock = clock;
        this.api = api;
        this.workflowId = workflowId;
        this.dueIndex = stack.engine("TimerFunction").ports().enrollments();
    }

    void play(List<InputEvent> events, Duration horizon) {
        for (InputEvent event : events) {
            runDueUntil(event.at());
            moveTo(event.at());
            if (apply(event) >= 400) {
                refused.add(event.line());
            }
            stack.drain();
        }
        Instant until = events.get(events.size() - 1).at().plus(horizon);
        runDueUntil(until);
        moveTo(until);
    }

    /** Each wait that ends by {@code until}, in time order, at its own time, as the simulator runs them. */
    private void runDueUntil(Instant until) {
        DueStep previous = null;
        for (List<DueStep> due = dueIndex.dueSteps(until, 1); !due.isEmpty(); due = dueIndex.dueSteps(until, 1)) {
            if (due.get(0).equals(previous)) {
                throw new IllegalStateException("the timer made no progress with " + previous);
            }
            previous = due.get(0);
            moveTo(previous.dueAt());
            stack.tick();
            stack.drain();
        }
    }

    private void moveTo(Instant moment) {
        if (moment.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), moment));
        }
    }

    /** The event as the API receives it; its status. */
    private int apply(InputEvent event) {
        if (event instanceof InputEvent.Create c) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", c.record().id());
            body.put("properties", c.properties());
            if (!c.associations().isEmpty()) {
                body.put("associations", c.associations());
            }
            return api.post("/records/" + c.record().objectType(), Json.write(body)).status();
        } else if (event instanceof InputEvent.Update u) {
            return api.patch(path(u.record()), Json.write(Map.of("properties", u.properties()))).status();
        } else if (event instanceof InputEvent.ActivityLogged a) {
            return api.post("/events", Json.write(Map.of("record", a.record(), "activity", a.activity(),
                    "occurredAt", a.at()))).status();
        } else if (event instanceof InputEvent.Membership m) {
            String member = "/lists/" + m.listId() + "/members/" + m.record().objectType() + "/" + m.record().id();
            return (m.joined() ? api.put(member, null) : api.delete(member)).status();
        } else if (event instanceof InputEvent.Associate a) {
            var to = a.association().to();
            return api.post(path(a.association().from()) + "/associations", Json.write(Map.of("objectType",
                    to.objectType(), "id", to.id(), "label", a.association().label()))).status();
        } else if (event instanceof InputEvent.Enroll e) {
            return api.post("/workflows/" + workflowId + "/enrollments", Json.write(e.record())).status();
        }
        throw new IllegalArgumentException("no route for " + event);
    }

    private static String path(RecordRef record) {
        return "/records/" + record.objectType() + "/" + record.id();
    }
}
