package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.aws.dynamodb.DynamoDbTransactionalWriter;
import io.crmflow.json.BackfillPageCodec;
import io.crmflow.local.LocalStack;
import io.crmflow.model.CrmRecord;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Activation through the real API, trigger, step and timer handlers on the local stack: the
 * backfill pages through the tenant's contacts on the trigger queue, a page whose message is
 * lost is sent again by the timer, and "from now on" leaves existing records alone.
 */
@DisplayName("R-WF-8 activation asks: enroll the records that meet the triggers now, or only those from now on")
class ActivationBackfillTest {
    /**
     * Three pages on the embedded stack; two against an external emulator, whose Query reads its
     * whole table on every call (the suite's table grows as it runs), so the count is kept low
     * there while still crossing a page boundary.
     */
    private static final int CONTACTS = SharedStack.embedded() ? 250 : 120;
    private final LocalStack stack = SharedStack.forOneTest();
    private final String tenant = SharedStack.uniqueTenant();

    private static final String CUSTOMERS = """
            {"name": "Customers", "objectType": "contact", "enabled": false,
             "trigger": {"criteria": {"groups": [{"conditions": [
                 {"type": "property", "property": "lifecyclestage", "operator": "eq", "values": ["customer"]}]}]}},
             "firstActionId": "tag",
             "actions": [{"type": "set_property", "id": "tag", "property": "jobtitle", "value": "Customer"}]}""";

    /**
     * {@code count} existing contacts, every third a customer, and the workflow, off; returns the
     * customers. The contacts are written to the table in a few commits, as an import would write
     * them: one API call each would spend most of this test on what other tests prove already.
     */
    private Set<String> contactsAndAWorkflowThatIsOff(Api api, int count) {
        assertThat(api.put("/workflows/customers", CUSTOMERS).status()).isEqualTo(200);
        var writer = new DynamoDbTransactionalWriter(stack.clients().dynamoDb(), stack.resources().tableName());
        Set<String> customers = new TreeSet<>();
        List<Write> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("c%03d", i);
            String stage = i % 3 == 0 ? "customer" : "lead";
            batch.add(new Write.PutRecord(new CrmRecord(tenant, "contact", id, Map.of("lifecyclestage", stage), 1,
                    SharedStack.CLOCK.instant(), SharedStack.CLOCK.instant()), 0));
            if (batch.size() == 100 || i == count - 1) {
                writer.commit(List.copyOf(batch));
                batch.clear();
            }
            if (i % 3 == 0) {
                customers.add(id);
            }
        }
        assertThat(api.get("/records/contact/c000").status()).isEqualTo(200);
        return customers;
    }

    private static Set<String> enrolled(Api api) {
        Set<String> ids = new TreeSet<>();
        api.items("/workflows/customers/enrollments?limit=200").forEach(e -> ids.add(e.at("/record/id").asText()));
        return ids;
    }

    @Test
    void enrollExisting_backfillsEveryMatchingContact_onlyThose_andSaysWhenItIsDone() {
        Api api = Api.forNewTenant(stack, tenant);
        Set<String> customers = contactsAndAWorkflowThatIsOff(api, CONTACTS);
        assertThat(api.get("/workflows/customers/activation").json().get("state").asText()).isEqualTo("none");

        Api.Answer started = api.post("/workflows/customers/activation", "{\"enrollExisting\": true}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isEqualTo("running");
        assertThat(started.json().get("enabled").asBoolean()).isTrue();
        stack.drain();

        assertThat(enrolled(api)).isEqualTo(customers);
        JsonNode progress = api.get("/workflows/customers/activation").json();
        assertThat(progress.get("state").asText()).isEqualTo("done");
        assertThat(progress.get("done").asBoolean()).isTrue();
        assertThat(progress.get("examined").asLong()).isEqualTo(CONTACTS);
        assertThat(progress.get("enrolled").asLong()).isEqualTo(customers.size());
        assertThat(progress.get("skipped").asLong()).isEqualTo(CONTACTS - customers.size());
        assertThat(api.get("/records/contact/c000").json().at("/properties/jobtitle").asText()).isEqualTo("Customer");
        assertThat(api.get("/records/contact/c001").json().at("/properties/jobtitle").isMissingNode()).isTrue();
        assertThat(api.get("/workflows/customers/metrics").json().get("completed").asLong())
                .isEqualTo(customers.size());
    }

    @Test
    void aLostPageMessage_isSentAgainByTheTimer() {
        Api api = Api.forNewTenant(stack, tenant);
        Set<String> customers = contactsAndAWorkflowThatIsOff(api, 30);

        assertThat(api.post("/workflows/customers/activation", "{\"enrollExisting\": true}").status()).isEqualTo(202);
        assertThat(dropPageMessages()).as("the first page's message, lost").isEqualTo(1);
        stack.drain();
        assertThat(enrolled(api)).isEmpty();

        SharedStack.CLOCK.advance(Duration.ofMinutes(5));
        stack.tick();
        stack.drain();

        assertThat(enrolled(api)).isEqualTo(customers);
        assertThat(api.get("/workflows/customers/activation").json().get("state").asText()).isEqualTo("done");
    }

    @Test
    void fromNowOn_enrollsNoExistingContact_butOneThatMeetsTheTriggersLater() {
        Api api = Api.forNewTenant(stack, tenant);
        contactsAndAWorkflowThatIsOff(api, 12);

        Api.Answer answer = api.post("/workflows/customers/activation", "{\"enrollExisting\": false}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("state").asText()).isEqualTo("none");
        stack.drain();
        assertThat(enrolled(api)).isEmpty();

        api.patch("/records/contact/c001", "{\"properties\":{\"lifecyclestage\":\"customer\"}}");
        stack.drain();
        assertThat(enrolled(api)).containsExactly("c001");
        assertThat(api.post("/workflows/customers/activation", "").status()).as("no body: from now on").isEqualTo(200);
    }

    @Test
    void enrollExisting_onAWorkflowWithoutTriggers_is400() {
        Api api = Api.forNewTenant(stack, tenant);
        api.put("/workflows/by-hand", """
                {"name": "By hand", "objectType": "contact", "firstActionId": "tag",
                 "actions": [{"type": "set_property", "id": "tag", "property": "jobtitle", "value": "x"}]}""");

        Api.Answer refused = api.post("/workflows/by-hand/activation", "{\"enrollExisting\": true}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("/enrollExisting", "no enrollment triggers");
        assertThat(api.post("/workflows/nope/activation", "{\"enrollExisting\": true}").status()).isEqualTo(404);
    }

    /** Takes this tenant's backfill page messages off the trigger queue, as if they were lost. */
    private int dropPageMessages() {
        var sqs = stack.clients().sqs();
        String queue = stack.resources().queueUrl("TriggerQueue");
        int dropped = 0;
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages()) {
            if (m.body().contains(BackfillPageCodec.DETAIL_TYPE) && m.body().contains("\"" + tenant + "\"")) {
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                dropped++;
            } else {
                sqs.changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
        }
        return dropped;
    }
}
