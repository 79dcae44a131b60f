package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.StepIds;
import io.crmflow.engine.StepMessage;
import io.crmflow.json.Json;
import io.crmflow.local.LocalStack;
import io.crmflow.local.SentMail;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The foundation's end-to-end proof, through real SDK calls to the local stack (or to the
 * endpoint in {@code AWS_ENDPOINT_URL}): API → table and bus → rule → trigger queue → trigger
 * handler → step queue → step handler → DynamoDB, timer, SES.
 */
@DisplayName("R-RUN-1, R-RUN-3, R-RUN-5, R-WF-2, R-WF-4: a customer runs through the welcome workflow")
class CustomerWelcomeEndToEndTest {

    private static final String C1_WELCOME = WorkflowScenario.ofContact("welcome", "c-1");
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();
    private final String email = "ada+" + tenant + "@example.com";

    private static final String WORKFLOW = """
            {"name": "Customer welcome", "objectType": "contact",
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "set",
             "actions": [
               {"type": "set_property", "id": "set", "property": "jobtitle", "value": "Customer", "next": "task"},
               {"type": "create_task", "id": "task", "subject": "Call {{firstname}}", "body": "Say thanks",
                "dueIn": "P1D", "next": "wait"},
               {"type": "delay", "id": "wait", "duration": "P1D", "next": "mail"},
               {"type": "send_email", "id": "mail", "kind": "transactional", "from": "crmflow@example.com",
                "subject": "Welcome aboard, {{firstname|friend}}", "body": "Glad to have you, {{firstname}}."}
             ]}""";

    private List<SentMail> mailTo(String address) {
        return stack.mailbox().sent().stream().filter(m -> m.to().contains(address)).toList();
    }

    @Test
    void customer_setsPropertyCreatesTaskWaitsOneDaySendsOneEmail_andRedeliveryIsHarmless() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/workflows/welcome", WORKFLOW).status()).isEqualTo(200);
        assertThat(api.post("/records/contact", "{\"id\":\"c-1\",\"properties\":{\"email\":\"" + email
                + "\",\"firstname\":\"Ada\",\"lifecyclestage\":\"lead\"}}").status()).isEqualTo(201);
        stack.drain();
        assertThat(api.get("/enrollments/" + C1_WELCOME).status()).as("a lead is not enrolled").isEqualTo(404);

        assertThat(api.patch("/records/contact/c-1", "{\"properties\":{\"lifecyclestage\":\"customer\"}}").status())
                .isEqualTo(200);
        stack.drain();

        JsonNode enrollment = api.get("/enrollments/" + C1_WELCOME).json();
        assertThat(enrollment.get("status").asText()).isEqualTo("WAITING");
        assertThat(api.get("/records/contact/c-1").json().at("/properties/jobtitle").asText()).isEqualTo("Customer");
        JsonNode task = api.get("/records/task/" + StepIds.task(C1_WELCOME, 2)).json();
        assertThat(task.at("/properties/hs_task_subject").asText()).isEqualTo("Call Ada");
        assertThat(mailTo(email)).as("nothing is sent before the day has passed").isEmpty();

        SharedStack.CLOCK.advance(Duration.ofHours(23));
        stack.tick();
        stack.drain();
        assertThat(mailTo(email)).isEmpty();

        SharedStack.CLOCK.advance(Duration.ofHours(1));
        stack.tick();
        stack.drain();
        assertThat(mailTo(email)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Welcome aboard, Ada");
            assertThat(mail.body()).contains("Glad to have you, Ada.");
        });
        JsonNode done = api.get("/enrollments/" + C1_WELCOME).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");

        // The email step ran at seq 4; deliver its message again, twice, as SQS may.
        String again = Json.write(new StepMessage(tenant, C1_WELCOME, 4));
        String stepQueue = stack.resources().queueUrl("StepQueue");
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stepQueue).messageBody(again));
        stack.clients().sqs().sendMessage(b -> b.queueUrl(stepQueue).messageBody(again));
        stack.tick();
        stack.drain();
        assertThat(mailTo(email)).as("a redelivered step sends no second email").hasSize(1);

        JsonNode history = api.get("/enrollments/" + C1_WELCOME + "/history").json().get("items");
        List<String> kinds = StreamSupport.stream(history.spliterator(), false).map(h -> h.get("kind").asText()).toList();
        JsonNode metrics = api.get("/workflows/welcome/metrics").json();
        assertThat(metrics.get("enrolled").asLong()).isEqualTo(1);
        assertThat(metrics.get("completed").asLong()).isEqualTo(1);
        assertThat(metrics.get("active").asLong()).isZero();
        assertThat(kinds).containsExactly("COMPLETED", "ACTION_EXECUTED", "WAIT_ENDED", "WAIT_STARTED",
                "ACTION_EXECUTED", "ACTION_EXECUTED", "ENROLLED");
    }
}
