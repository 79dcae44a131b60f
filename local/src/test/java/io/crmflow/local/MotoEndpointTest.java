package io.crmflow.local;

import io.crmflow.aws.AwsClients;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same provisioning and the same checks against an AWS emulator (moto_server, LocalStack)
 * at {@code AWS_ENDPOINT_URL}, to show the local stack's code is not bound to its stand-ins.
 */
@EnabledIfEnvironmentVariable(named = "AWS_ENDPOINT_URL", matches = ".+")
@DisplayName("R-RUN-4 Provisioning, event routing and mail against the emulator at AWS_ENDPOINT_URL")
class MotoEndpointTest {

    private static final String SENDER = "no-reply@crmflow.test";
    private static final String PREFIX = Fixtures.uniquePrefix();
    static URI endpoint;
    static AwsClients clients;
    static ProvisionedResources resources;

    @BeforeAll
    static void provision() {
        endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL"));
        clients = AwsClients.create(AwsClients.Endpoints.all(endpoint), Region.US_EAST_1);
        resources = Provisioner.provisionAll(clients, Fixtures.template(), PREFIX, SENDER);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void tableQueuesBusAndRule_areProvisioned() {
        assertThat(clients.dynamoDb().describeTable(b -> b.tableName(resources.tableName())).table()
                .globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactlyInAnyOrder("gsi1", "due");
        assertThat(clients.dynamoDb().describeTimeToLive(b -> b.tableName(resources.tableName()))
                .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
        assertThat(clients.sqs().getQueueAttributes(b -> b.queueUrl(resources.queueUrl("StepQueue"))
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY))
                .contains(resources.queueArn("StepDeadLetterQueue"));
        assertThat(clients.eventBridge().listTargetsByRule(b -> b.rule(PREFIX + "CrmEventsRule")
                .eventBusName(resources.eventBusName())).targets())
                .singleElement().satisfies(t -> assertThat(t.arn()).isEqualTo(resources.queueArn("TriggerQueue")));
    }

    @Test
    void matchingEvent_reachesTheTriggerQueue_andOthersDoNot() throws Exception {
        String marker = UUID.randomUUID().toString();
        PutEventsResponse response = clients.eventBridge().putEvents(b -> b.entries(
                PutEventsRequestEntry.builder().eventBusName(resources.eventBusName()).source("crmflow")
                        .detailType("crm.record.changed").detail("{\"marker\":\"" + marker + "\"}").build(),
                PutEventsRequestEntry.builder().eventBusName(resources.eventBusName()).source("crmflow")
                        .detailType("other.thing").detail("{\"marker\":\"other\"}").build()));

        assertThat(response.failedEntryCount()).isZero();
        List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(resources.queueUrl("TriggerQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(messages).hasSize(1);
        JsonNode envelope = new ObjectMapper().readTree(messages.get(0).body());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("crm.record.changed");
        assertThat(envelope.get("detail").get("marker").asText()).isEqualTo(marker);
    }

    @Test
    void poller_deadLettersAMessageThatKeepsFailing() {
        ProvisionedResources queues = new Provisioner(clients.sqs(), clients.eventBridge(), clients.ses()).provision(
                SamTemplate.parse("""
                        Resources:
                          Work:
                            Type: AWS::SQS::Queue
                            Properties:
                              VisibilityTimeout: 0
                              RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkDlq.Arn, maxReceiveCount: 2}
                          WorkDlq:
                            Type: AWS::SQS::Queue
                        """), Fixtures.uniquePrefix(), SENDER);
        clients.sqs().sendMessage(b -> b.queueUrl(queues.queueUrl("Work")).messageBody("ok"));
        clients.sqs().sendMessage(b -> b.queueUrl(queues.queueUrl("Work")).messageBody("fail"));

        BatchOutcome total = new QueuePoller(clients.sqs(), queues.queueUrl("Work"), event -> new SQSBatchResponse(
                event.getRecords().stream().filter(m -> m.getBody().equals("fail"))
                        .map(m -> new SQSBatchResponse.BatchItemFailure(m.getMessageId())).toList()),
                QueuePoller.Options.defaults()).pollUntilIdle(20);

        assertThat(total.received()).isEqualTo(3);
        assertThat(clients.sqs().receiveMessage(b -> b.queueUrl(queues.queueUrl("WorkDlq")).maxNumberOfMessages(10))
                .messages()).extracting(Message::body).containsExactly("fail");
    }

    @Test
    void sentMail_isReadBackThroughTheMailbox() {
        String subject = "Moto " + UUID.randomUUID();

        String id = clients.ses().sendEmail(b -> b.fromEmailAddress(SENDER)
                .destination(d -> d.toAddresses("ada@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject)).body(x -> x.text(t -> t.data("Hi Ada"))))))
                .messageId();

        SentMail mail = new MotoMailbox(endpoint).sent().stream().filter(m -> m.messageId().equals(id))
                .findFirst().orElseThrow();
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.to()).containsExactly("ada@example.com");
        assertThat(mail.body()).isEqualTo("Hi Ada");
    }

    @Test
    void mailSentAfterARead_isInTheNextRead() {
        MotoMailbox mailbox = new MotoMailbox(endpoint);
        int before = mailbox.sent().size();
        assertThat(mailbox.sent()).hasSize(before);

        String id = clients.ses().sendEmail(b -> b.fromEmailAddress(SENDER)
                .destination(d -> d.toAddresses("grace@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Again")).body(x -> x.text(t -> t.data("Hi"))))))
                .messageId();

        assertThat(mailbox.sent()).hasSize(before + 1).extracting(SentMail::messageId).contains(id);
    }

    @Test
    void unverifiedSender_isRejectedThereToo() {
        assertThatThrownBy(() -> clients.ses().sendEmail(b -> b.fromEmailAddress("intruder@elsewhere.test")
                .destination(d -> d.toAddresses("ada@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(x -> x.text(t -> t.data("x")))))))
                .isInstanceOf(MessageRejectedException.class);
    }
}
