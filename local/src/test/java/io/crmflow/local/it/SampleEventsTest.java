package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.DueSweeper;
import io.crmflow.json.Json;
import io.crmflow.local.EmbeddedSqs;
import io.crmflow.local.FunctionSpec;
import io.crmflow.local.LocalContext;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The samples that {@code sam local invoke -e events/<sample>.json} uses, fed to the real handlers
 * on the local stack as the Lambda runtime would deserialize them, with the outcome each
 * describes. They name tenant {@code acme} and contact {@code c-1}, which every test sets up
 * idempotently: the stack is shared, and on moto the state outlives a run.
 */
@DisplayName("R-RUN-4: every sample event runs through its real handler with the outcome it describes")
class SampleEventsTest {
    private static final Path EVENTS = Path.of("..", "events");
    private static final String ENROLLMENT = "/enrollments/wf-welcome~contact~c-1";
    /** Every sample this class feeds to a handler; a new sample fails the suite until it is added. */
    private static final Set<String> COVERED = Set.of("api-create-record.json", "api-get-record.json",
            "step-run.json", "timer-tick.json", "trigger-malformed.json", "trigger-property-changed.json",
            "trigger-record-created.json");
    private static final String WELCOME = """
            {"name": "Welcome", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "title",
             "actions": [{"type": "set_property", "id": "title", "property": "jobtitle", "value": "Customer"}]}""";

    private final LocalStack stack = SharedStack.get();
    private final Api acme = new Api(stack, "acme");

    private static String sample(String file) {
        return EVENTS.resolve(file).toString();
    }

    private <I, O> O invoke(String function, I event) {
        RequestHandler<I, O> handler = stack.handler(function);
        return handler.handleRequest(event, LocalContext.forInvocation(function, LocalStack.REGION,
                EmbeddedSqs.ACCOUNT_ID, 1024, Duration.ofSeconds(30), SharedStack.CLOCK));
    }

    private SQSBatchResponse trigger(String file) {
        return invoke("TriggerFunction", EventLoader.loadSQSEvent(sample(file)));
    }

    private APIGatewayV2HTTPResponse api(String file) {
        return invoke("ApiFunction", EventLoader.loadApiGatewayHttpEvent(sample(file)));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    /** Tenant acme, its welcome workflow, and c-1 created by the create sample and made a customer. */
    private void acmeWithCustomerC1() {
        int tenant = new Api(stack, "acme").post("/tenants",
                "{\"id\": \"acme\", \"name\": \"Acme\", \"timezone\": \"Europe/Paris\"}").status();
        assertThat(tenant).isIn(201, 409);
        if (acme.get("/workflows/wf-welcome").status() == 404) {
            assertThat(acme.put("/workflows/wf-welcome", WELCOME).status()).isEqualTo(200);
        }
        assertThat(api("api-create-record.json").getStatusCode()).isIn(201, 409);
        assertThat(acme.patch("/records/contact/c-1", "{\"properties\": {\"lifecyclestage\": \"customer\"}}").status())
                .isEqualTo(200);
    }

    @Test
    void everySampleFile_isFedToItsHandlerHere() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet())).isEqualTo(COVERED);
        }
    }

    @Test
    void everyFunctionOfTheTemplate_hasASampleNamedAfterIt() {
        List<String> functions = SamTemplate.load(Path.of("..", "template.yaml")).functions().stream()
                .map(FunctionSpec::logicalId).toList();

        assertThat(functions).isNotEmpty().allSatisfy(function -> {
            String prefix = function.replaceFirst("Function$", "").toLowerCase(Locale.ROOT) + "-";
            assertThat(COVERED).as("samples of %s", function).anyMatch(file -> file.startsWith(prefix));
        });
    }

    @Test
    void triggerPropertyChanged_enrollsTheCustomerInTheMatchingWorkflow() {
        acmeWithCustomerC1();

        SQSBatchResponse response = trigger("trigger-property-changed.json");

        assertThat(failedIds(response)).isEmpty();
        JsonNode enrollment = acme.get(ENROLLMENT).json();
        assertThat(enrollment.get("workflowId").asText()).isEqualTo("wf-welcome");
        assertThat(enrollment.at("/record/id").asText()).isEqualTo("c-1");
    }

    @Test
    void triggerRecordCreated_isHandledAndTheCustomerIsEnrolled() {
        acmeWithCustomerC1();

        SQSBatchResponse response = trigger("trigger-record-created.json");

        assertThat(failedIds(response)).isEmpty();
        assertThat(acme.get(ENROLLMENT).status()).isEqualTo(200);
    }

    @Test
    void triggerMalformed_reportsOnlyTheMalformedMessage_forARetryNotTheDeadLetterQueue() {
        acmeWithCustomerC1();

        SQSBatchResponse response = trigger("trigger-malformed.json");

        // First receive of an invalid message: reported for one retry; a dead-lettered one would not be.
        assertThat(failedIds(response)).containsExactly("f3c0ad54-4a3b-4e7e-a2d1-9c0b6e5f1d28");
        assertThat(acme.get(ENROLLMENT).status()).as("the valid event beside it was handled").isEqualTo(200);
    }

    @Test
    void stepRun_runsTheEnrollmentsFirstAction() {
        acmeWithCustomerC1();
        assertThat(failedIds(trigger("trigger-property-changed.json"))).isEmpty();

        SQSBatchResponse response = invoke("StepFunction", EventLoader.loadSQSEvent(sample("step-run.json")));

        assertThat(failedIds(response)).isEmpty();
        assertThat(acme.get(ENROLLMENT).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(acme.get("/records/contact/c-1").json().at("/properties/jobtitle").asText()).isEqualTo("Customer");
    }

    @Test
    void timerTick_returnsASweep() {
        ScheduledEvent tick = EventLoader.loadScheduledEvent(sample("timer-tick.json"));

        Object result = invoke("TimerFunction", tick);

        assertThat(result).isInstanceOfSatisfying(DueSweeper.Sweep.class, sweep -> {
            assertThat(sweep.stepsSent()).isNotNegative();
            assertThat(sweep.eventsPublished()).isNotNegative();
        });
    }

    @Test
    void apiCreateRecord_creates_orSaysItExists() {
        assertThat(new Api(stack, "acme").post("/tenants", "{\"id\": \"acme\", \"name\": \"Acme\"}").status())
                .isIn(201, 409);

        APIGatewayV2HTTPResponse response = api("api-create-record.json");

        assertThat(response.getStatusCode()).as(response.getBody()).isIn(201, 409);
        if (response.getStatusCode() == 201) {
            assertThat(Json.tree(response.getBody()).at("/properties/email").asText()).isEqualTo("ada@example.com");
        } else {
            assertThat(response.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        }
    }

    @Test
    void apiGetRecord_returnsTheContact() {
        acmeWithCustomerC1();

        APIGatewayV2HTTPResponse response = api("api-get-record.json");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode contact = Json.tree(response.getBody());
        assertThat(contact.get("objectType").asText()).isEqualTo("contact");
        assertThat(contact.get("id").asText()).isEqualTo("c-1");
        assertThat(contact.at("/properties/email").asText()).isEqualTo("ada@example.com");
    }
}
