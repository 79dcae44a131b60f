package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-RUN-3 EventBridge stand-in: PutEvents is matched with Event Ruler and delivered to SQS")
class EventBridgeStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path mail;
    static EmbeddedMessaging stack;
    static ProvisionedResources resources;

    @BeforeAll
    static void provision() {
        stack = new EmbeddedMessaging(mail);
        resources = stack.provisioner().provision(Fixtures.template(), Fixtures.uniquePrefix(), "no-reply@crmflow.test");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static PutEventsRequestEntry.Builder entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(resources.eventBusName())
                .source(source).detailType(detailType).detail(detail);
    }

    private static PutEventsResponse put(PutEventsRequestEntry.Builder... entries) {
        return stack.eventBridge.putEvents(b -> b.entries(Arrays.stream(entries).map(e -> e.build()).toList()));
    }

    @Test
    void matchingEvent_arrivesOnTheTargetQueueAsTheEventBridgeEnvelope() throws Exception {
        Instant time = Instant.parse("2025-03-04T05:06:07Z");
        PutEventsResponse response = put(entry("crmflow", "crm.record.changed", "{\"tenant\":\"t1\",\"n\":1}")
                .time(time).resources("crm:contact/42"));

        assertThat(response.failedEntryCount()).isZero();
        List<Message> messages = stack.receiveAll(resources.queueUrl("TriggerQueue"));
        assertThat(messages).hasSize(1);
        JsonNode envelope = JSON.readTree(messages.get(0).body());
        assertThat(envelope.get("version").asText()).isEqualTo("0");
        assertThat(envelope.get("id").asText()).isEqualTo(response.entries().get(0).eventId());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("crm.record.changed");
        assertThat(envelope.get("source").asText()).isEqualTo("crmflow");
        assertThat(envelope.get("account").asText()).isEqualTo(EmbeddedSqs.ACCOUNT_ID);
        assertThat(envelope.get("time").asText()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(envelope.get("region").asText()).isEqualTo(EmbeddedMessaging.REGION.id());
        assertThat(envelope.get("resources").get(0).asText()).isEqualTo("crm:contact/42");
        assertThat(envelope.get("detail")).isEqualTo(JSON.readTree("{\"tenant\":\"t1\",\"n\":1}"));
        stack.sqs.deleteMessage(b -> b.queueUrl(resources.queueUrl("TriggerQueue")).receiptHandle(messages.get(0).receiptHandle()));
    }

    @Test
    void nonMatchingEvents_areAcceptedButGoNowhere() {
        PutEventsResponse response = put(
                entry("someone-else", "crm.record.changed", "{}"),
                entry("crmflow", "billing.invoice.paid", "{}"),
                entry("crmflow", "CRM.uppercase", "{}"));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
        assertThat(stack.receiveAll(resources.queueUrl("TriggerQueue"))).isEmpty();
    }

    @Test
    void eventOnTheDefaultBus_doesNotReachRulesOfTheCustomBus() {
        PutEventsResponse response = put(entry("crmflow", "crm.record.changed", "{}").eventBusName(null));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(stack.receiveAll(resources.queueUrl("TriggerQueue"))).isEmpty();
    }

    @Test
    void badEntries_areRejectedOneByOneWhileGoodOnesGoThrough() {
        PutEventsResponse response = put(
                entry(null, "crm.x", "{}"),
                entry("crmflow", null, "{}"),
                entry("crmflow", "crm.x", null),
                entry("crmflow", "crm.x", "{not json"),
                entry("crmflow", "crm.x", "[1,2]"),
                entry("crmflow", "crm.x", "{\"big\":\"" + "x".repeat(EventEnvelopes.MAX_ENTRY_BYTES) + "\"}"),
                entry("crmflow", "crm.good", "{\"ok\":true}"),
                entry("crmflow", "crm.x", "{}").eventBusName("no-such-bus"));

        assertThat(response.failedEntryCount()).isEqualTo(7);
        List<PutEventsResultEntry> entries = response.entries();
        assertThat(entries).hasSize(8);
        assertThat(entries.get(0).errorMessage()).contains("Source is a required argument");
        assertThat(entries.get(1).errorMessage()).contains("DetailType is a required argument");
        assertThat(entries.get(2).errorMessage()).contains("Detail is a required argument");
        assertThat(entries.subList(0, 3)).allSatisfy(e -> assertThat(e.errorCode()).isEqualTo("InvalidArgument"));
        assertThat(entries.get(3).errorCode()).isEqualTo("MalformedDetail");
        assertThat(entries.get(4).errorCode()).isEqualTo("MalformedDetail");
        assertThat(entries.get(5).errorCode()).isEqualTo("InvalidArgument");
        assertThat(entries.get(5).errorMessage()).contains("size");
        assertThat(entries.get(6).eventId()).isNotBlank();
        assertThat(entries.get(6).errorCode()).isNull();
        assertThat(entries.get(7).errorCode()).isEqualTo("NotFoundException");

        List<Message> delivered = stack.receiveAll(resources.queueUrl("TriggerQueue"));
        assertThat(delivered).singleElement().satisfies(m -> assertThat(m.body()).contains("crm.good"));
        stack.sqs.deleteMessage(b -> b.queueUrl(resources.queueUrl("TriggerQueue")).receiptHandle(delivered.get(0).receiptHandle()));
    }

    @Test
    void tooManyEntries_failTheWholeRequest() {
        PutEventsRequestEntry.Builder[] eleven = new PutEventsRequestEntry.Builder[11];
        Arrays.setAll(eleven, i -> entry("crmflow", "crm.x", "{}"));

        assertThatThrownBy(() -> put(eleven)).hasMessageContaining("length between 1 and 10");
    }

    @Test
    void invalidPattern_isRefusedByPutRule() {
        assertThatThrownBy(() -> stack.eventBridge.putRule(b -> b.name("bad").eventBusName(resources.eventBusName())
                .eventPattern("{\"source\": \"not-an-array\"}")))
                .isInstanceOf(InvalidEventPatternException.class);
    }

    @Test
    void unknownRuleOrBus_isResourceNotFound() {
        assertThatThrownBy(() -> stack.eventBridge.describeRule(b -> b.name("nope").eventBusName(resources.eventBusName())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> stack.eventBridge.putRule(b -> b.name("r").eventBusName("nope").eventPattern("{\"a\":[1]}")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void failedDelivery_goesToTheTargetsDeadLetterQueueWithTheReason() {
        String bus = resources.eventBusName();
        String missingQueueArn = resources.queueArn("TriggerQueue") + "-missing";
        stack.eventBridge.putRule(b -> b.name("to-missing").eventBusName(bus).eventPattern("{\"source\":[\"dlq-test\"]}"));
        stack.eventBridge.putTargets(b -> b.rule("to-missing").eventBusName(bus).targets(Target.builder().id("gone")
                .arn(missingQueueArn).deadLetterConfig(d -> d.arn(resources.queueArn("EventsDeadLetterQueue"))).build()));

        PutEventsResponse response = put(entry("dlq-test", "x", "{\"lost\":true}"));

        assertThat(response.failedEntryCount()).isZero();
        List<Message> dead = stack.receiveAll(resources.queueUrl("EventsDeadLetterQueue"));
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("\"lost\":true");
            assertThat(m.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(missingQueueArn);
            assertThat(m.messageAttributes()).containsKeys("ERROR_CODE", "ERROR_MESSAGE", "RULE_ARN");
        });
    }

    @Test
    void nonQueueTarget_isRefusedAsAFailedEntry() {
        String bus = resources.eventBusName();
        stack.eventBridge.putRule(b -> b.name("to-lambda").eventBusName(bus).eventPattern("{\"source\":[\"x\"]}"));

        var response = stack.eventBridge.putTargets(b -> b.rule("to-lambda").eventBusName(bus)
                .targets(Target.builder().id("fn").arn("arn:aws:lambda:eu-west-1:000000000000:function:f").build()));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.failedEntries().get(0).errorMessage()).contains("SQS queues only");
    }
}
