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
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Tenant;
import io.crmflow.store.memory.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The step handler on an in-memory engine whose mail provider fails with an error that quotes
 * the contact's address and phone number, as a provider's errors do: what the handler logs
 * names the message, tenant, workflow and enrollment, and neither the address nor the number.
 */
@DisplayName("A step failing on a contact logs the ids it is about, never the contact's email address or phone number")
class StepHandlerLogTest {
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String PHONE = "+44 20 7946 0958";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<StepMessage> steps = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private StepHandler handler;
    private StepMessage step;

    @BeforeEach
    void contactWithAStepThatFails() {
        InMemoryStore store = new InMemoryStore();
        AtomicInteger ids = new AtomicInteger();
        Ports ports = new Ports(store, store, store, store, store, store, events -> { }, steps::addAll, email -> {
            throw new IllegalStateException("the mail provider could not be reached while sending to " + EMAIL
                    + " (mobile " + PHONE + ")");
        }, () -> "id-" + ids.incrementAndGet(), store, store);
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        Engine engine = Engine.create(ports, Clock.fixed(now, ZoneOffset.UTC), EngineSettings.DEFAULTS);
        engine.definitions().createTenant(new Tenant("acme", "Acme", ZoneId.of("Europe/Paris")));
        engine.records().create("acme", "contact", "c-1", Map.of("email", EMAIL, "phone", PHONE), Origin.api(), now);
        engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "welcome", "Welcome", "contact", 0, true,
                EnrollmentTrigger.MANUAL, "mail", List.of(new Action.SendEmail("mail", Action.EmailKind.TRANSACTIONAL,
                null, "Welcome", "Hello", null)), null));
        engine.trigger().enrollManually("acme", "welcome", new RecordRef("contact", "c-1"), now);
        step = steps.get(steps.size() - 1);
        handler = new StepHandler(new Wiring(engine, null, (message, reason) -> deadLettered.add(reason), 4,
                new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

    private SQSEvent delivery(int receiveCount) {
        return SqsDeliveries.batch(SqsDeliveries.message("msg-" + receiveCount, Json.write(step), receiveCount));
    }

    private List<String> logLines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{\"level\"")).toList();
    }

    private void assertNamesTheIds(String line) {
        var json = Json.tree(line);
        assertThat(json.get("tenantId").asText()).isEqualTo("acme");
        assertThat(json.get("workflowId").asText()).isEqualTo("welcome");
        assertThat(json.get("enrollmentId").asText()).isEqualTo(step.enrollmentId());
        assertThat(json.get("messageId").asText()).startsWith("msg-");
    }

    private void assertHoldsNeitherTheAddressNorTheNumber() {
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(EMAIL).doesNotContain("ada.lovelace")
                .doesNotContain("7946");
    }

    @Test
    void failedAndRetried_theWarningNamesTheIds_andHoldsNeitherTheAddressNorTheNumber() {
        assertThat(handler.handleRequest(delivery(1), null).getBatchItemFailures()).hasSize(1);

        assertThat(logLines()).singleElement().satisfies(line -> {
            assertNamesTheIds(line);
            assertThat(line).contains("\"level\":\"WARN\"", "sending to [email] (mobile [phone])");
        });
        assertHoldsNeitherTheAddressNorTheNumber();
    }

    @Test
    void failedOnItsLastAttempt_theDeadLetterLineNamesTheIds_andHoldsNeitherTheAddressNorTheNumber() {
        assertThat(handler.handleRequest(delivery(4), null).getBatchItemFailures()).isEmpty();

        assertThat(deadLettered).as("the reason goes with the message to the dead-letter queue").singleElement()
                .satisfies(reason -> assertThat(reason).contains(EMAIL));
        assertThat(logLines()).singleElement().satisfies(line -> {
            assertNamesTheIds(line);
            assertThat(line).contains("\"level\":\"ERROR\"", "message dead-lettered", "sending to [email] (mobile [phone])");
        });
        assertHoldsNeitherTheAddressNorTheNumber();
    }
}
