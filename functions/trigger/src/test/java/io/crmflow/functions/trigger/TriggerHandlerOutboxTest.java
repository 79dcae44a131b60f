package io.crmflow.functions.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.functions.common.SqsDeliveries;
import io.crmflow.functions.common.Wiring;
import io.crmflow.json.EventCodec;
import io.crmflow.json.Json;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.Tenant;
import io.crmflow.store.ClearingsOutbox;
import io.crmflow.store.memory.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The trigger handler on an in-memory engine, given three contacts' creation events in one
 * batch, each enrolling its contact: the "enrolled" milestones the enrollments publish have
 * their outbox entries cleared together once the batch is done, where each enrollment cleared
 * its own.
 */
@DisplayName("A batch of events clears the outbox entries of everything it published together, once it is done")
class TriggerHandlerOutboxTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final List<CrmEvent> published = new ArrayList<>();

    @Test
    void threeEnrollingEventsInOneBatch_clearTheirMilestonesTogether_andLeaveNoEntry() {
        InMemoryStore store = new InMemoryStore();
        ClearingsOutbox counted = new ClearingsOutbox(store);
        AtomicInteger ids = new AtomicInteger();
        Ports ports = new Ports(store, store, store, store, counted, store, published::addAll, steps -> { },
                email -> "mail-" + ids.incrementAndGet(), () -> "id-" + ids.incrementAndGet(), store, store);
        Engine engine = Engine.create(ports, Clock.fixed(NOW, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        engine.definitions().createTenant(new Tenant("acme", "Acme", ZoneId.of("Europe/Paris")));
        engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "customers", "Customers", "contact", 0, true,
                new EnrollmentTrigger(Filter.allOf(Filters.where("lifecyclestage").equalTo("customer"))), "t",
                List.of(new Action.SetProperty("t", "jobtitle", "Customer", null))));
        for (String contact : List.of("c-1", "c-2", "c-3")) {
            engine.records().create("acme", "contact", contact, Map.of("lifecyclestage", "customer"), Origin.api(), NOW);
        }
        List<CrmEvent> creations = List.copyOf(published);
        published.clear();
        counted.forget();
        TriggerHandler handler = new TriggerHandler(new Wiring(engine, null, (message, reason) -> { }, 4,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        assertThat(handler.handleRequest(batchOf(creations), null).getBatchItemFailures()).isEmpty();

        assertThat(published).as("each enrollment published its milestone").hasSize(3);
        assertThat(counted.clearings()).as("one clearing for the batch").singleElement()
                .satisfies(cleared -> assertThat(cleared).containsExactlyInAnyOrderElementsOf(
                        published.stream().map(CrmEvent::eventId).toList()));
        assertThat(store.dueEvents(NOW.plus(Duration.ofDays(30)), 100)).as("no entry left for the sweeper").isEmpty();
    }

    /** The bus rule's deliveries of these events: envelopes with their type and detail, which the handler reads. */
    private static SQSEvent batchOf(List<CrmEvent> events) {
        return SqsDeliveries.firstDeliveries(events.stream().map(event -> {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("detail-type", event.detailType());
            envelope.put("detail", Json.tree(EventCodec.detail(event)));
            return Json.write(envelope);
        }).toList());
    }
}
