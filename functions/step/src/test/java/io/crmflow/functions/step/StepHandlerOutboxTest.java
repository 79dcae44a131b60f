package io.crmflow.functions.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Engine;
import io.crmflow.engine.EngineSettings;
import io.crmflow.engine.Ports;
import io.crmflow.engine.StepMessage;
import io.crmflow.functions.common.SqsDeliveries;
import io.crmflow.functions.common.Wiring;
import io.crmflow.json.Json;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The step handler on an in-memory engine, given the steps of three enrollments in one batch:
 * the events the steps publish have their outbox entries cleared together once the batch is
 * done, in one clearing of the outbox port (one batch request on DynamoDB) where each step made
 * its own.
 */
@DisplayName("A batch of steps clears the outbox entries of everything it published together, once it is done")
class StepHandlerOutboxTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final List<StepMessage> steps = new ArrayList<>();
    private final List<CrmEvent> published = new ArrayList<>();

    @Test
    void threeStepsInOneBatch_clearTheirPublishedEventsTogether_andLeaveNoEntry() {
        InMemoryStore store = new InMemoryStore();
        ClearingsOutbox counted = new ClearingsOutbox(store);
        AtomicInteger ids = new AtomicInteger();
        Ports ports = new Ports(store, store, store, store, counted, store, published::addAll, steps::addAll,
                email -> "mail-" + ids.incrementAndGet(), () -> "id-" + ids.incrementAndGet(), store, store);
        Engine engine = Engine.create(ports, Clock.fixed(NOW, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        engine.definitions().createTenant(new Tenant("acme", "Acme", ZoneId.of("Europe/Paris")));
        engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "welcome", "Welcome", "contact", 0, true,
                EnrollmentTrigger.MANUAL, "title", List.of(
                        new Action.SetProperty("title", "jobtitle", "Customer", "task"),
                        new Action.CreateTask("task", "Call", "Say thanks", Duration.ofDays(1), null)), null));
        for (String contact : List.of("c-1", "c-2", "c-3")) {
            engine.records().create("acme", "contact", contact, Map.of("email", contact + "@example.com"),
                    Origin.api(), NOW);
            engine.trigger().enrollManually("acme", "welcome", new RecordRef("contact", contact), NOW);
        }
        published.clear();
        counted.forget();
        StepHandler handler = new StepHandler(new Wiring(engine, null, (message, reason) -> { }, 4,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        assertThat(handler.handleRequest(batchOf(steps), null).getBatchItemFailures()).isEmpty();

        assertThat(published).as("each step published its property change and its task, at least")
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(counted.clearings()).as("one clearing for the batch").singleElement()
                .satisfies(ids1 -> assertThat(ids1).containsExactlyInAnyOrderElementsOf(
                        published.stream().map(CrmEvent::eventId).distinct().toList()));
        assertThat(store.dueEvents(NOW.plus(Duration.ofDays(30)), 100)).as("no entry left for the sweeper").isEmpty();
    }

    private static SQSEvent batchOf(List<StepMessage> steps) {
        return SqsDeliveries.firstDeliveries(steps.stream().map(Json::write).toList());
    }
}
