package io.crmflow.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-RUN-3 R-RUN-5 QueuePoller emulates Lambda's SQS event source: partial failures, redrive to DLQ")
class QueuePollerTest {

    /** Visibility 0 makes a failed message visible again at once, so redelivery needs no waiting. */
    private static final String QUEUES = """
            Resources:
              Work:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 0
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt WorkDlq.Arn, maxReceiveCount: 3}
              WorkDlq:
                Type: AWS::SQS::Queue
              Slow:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
            """;

    @TempDir
    static Path mail;
    static EmbeddedMessaging stack;
    ProvisionedResources queues;
    final List<SQSEvent.SQSMessage> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        stack = new EmbeddedMessaging(mail);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void freshQueues() {
        queues = stack.provisioner().provision(SamTemplate.parse(QUEUES), Fixtures.uniquePrefix(), "x@crmflow.test");
    }

    private void send(String queue, String... bodies) {
        for (String body : bodies) {
            stack.sqs.sendMessage(b -> b.queueUrl(queues.queueUrl(queue)).messageBody(body));
        }
    }

    /** Fails every message whose body starts with "fail", as a handler reporting batch item failures. */
    private SQSBatchResponse failingOnes(SQSEvent event) {
        seen.addAll(event.getRecords());
        return new SQSBatchResponse(event.getRecords().stream().filter(m -> m.getBody().startsWith("fail"))
                .map(m -> new SQSBatchResponse.BatchItemFailure(m.getMessageId())).toList());
    }

    private QueuePoller poller(String queue, Function<SQSEvent, SQSBatchResponse> function) {
        return new QueuePoller(stack.sqs, queues.queueUrl(queue), function, QueuePoller.Options.defaults());
    }

    private List<String> bodies(String queue) {
        return stack.receiveAll(queues.queueUrl(queue)).stream().map(m -> m.body()).toList();
    }

    @Test
    void partialFailure_deletesGoodOnes_redeliversFailedUntilMaxReceiveCount_thenDeadLetters() {
        send("Work", "ok-1", "fail-1", "ok-2");

        BatchOutcome total = poller("Work", this::failingOnes).pollUntilIdle(20);

        assertThat(seen).filteredOn(m -> m.getBody().startsWith("ok")).hasSize(2);
        assertThat(seen).filteredOn(m -> m.getBody().equals("fail-1"))
                .extracting(m -> m.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "2", "3");
        assertThat(total.received()).isEqualTo(5);
        assertThat(bodies("WorkDlq")).containsExactly("fail-1");
        assertThat(bodies("Work")).isEmpty();
    }

    @Test
    void event_carriesWhatLambdaFillsIn() {
        stack.sqs.sendMessage(b -> b.queueUrl(queues.queueUrl("Work")).messageBody("ok")
                .messageAttributes(Map.of("tenant", MessageAttributeValue.builder().dataType("String").stringValue("t1").build())));

        BatchOutcome outcome = poller("Work", this::failingOnes).drainOnce();

        assertThat(outcome.received()).isEqualTo(1);
        assertThat(outcome.failed()).isZero();
        SQSEvent.SQSMessage message = seen.get(0);
        assertThat(message.getEventSource()).isEqualTo("aws:sqs");
        assertThat(message.getEventSourceArn()).isEqualTo(queues.queueArn("Work"));
        assertThat(message.getAwsRegion()).isEqualTo(EmbeddedMessaging.REGION.id());
        assertThat(message.getMessageId()).isNotBlank();
        assertThat(message.getReceiptHandle()).isNotBlank();
        assertThat(message.getMd5OfBody()).isNotBlank();
        assertThat(message.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp");
        assertThat(message.getMessageAttributes().get("tenant").getStringValue()).isEqualTo("t1");
        assertThat(message.getMessageAttributes().get("tenant").getDataType()).isEqualTo("String");
        assertThat(bodies("Work")).isEmpty();
    }

    @Test
    void throwingFunction_failsTheWholeBatch() {
        send("Work", "a", "b");

        poller("Work", event -> {
            seen.addAll(event.getRecords());
            throw new IllegalStateException("boom");
        }).pollUntilIdle(20);

        assertThat(seen).hasSize(6);
        assertThat(bodies("WorkDlq")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void unknownItemIdentifier_failsTheWholeBatch() {
        send("Work", "a");

        BatchOutcome outcome = poller("Work", event -> new SQSBatchResponse(
                List.of(new SQSBatchResponse.BatchItemFailure("not-in-this-batch")))).drainOnce();

        assertThat(outcome.failed()).isEqualTo(1);
    }

    @Test
    void withoutReportBatchItemFailures_listedFailuresAreIgnored() {
        send("Work", "fail-but-ignored");

        BatchOutcome outcome = new QueuePoller(stack.sqs, queues.queueUrl("Work"), this::failingOnes,
                new QueuePoller.Options(10, 0, false)).pollUntilIdle(5);

        assertThat(outcome.failed()).isZero();
        assertThat(bodies("WorkDlq")).isEmpty();
    }

    @Test
    void inFlightMessage_isWaitedForByLongPollingUntilItIsVisibleAgain() {
        send("Slow", "fail-once");
        Function<SQSEvent, SQSBatchResponse> failFirstTime = event -> {
            boolean first = seen.isEmpty();
            seen.addAll(event.getRecords());
            String id = event.getRecords().get(0).getMessageId();
            return new SQSBatchResponse(first ? List.of(new SQSBatchResponse.BatchItemFailure(id)) : List.of());
        };

        BatchOutcome total = poller("Slow", failFirstTime).pollUntilIdle(10);

        assertThat(total.received()).isEqualTo(2);
        assertThat(seen).extracting(m -> m.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "2");
        assertThat(bodies("Slow")).isEmpty();
    }

    @Test
    void backgroundPolling_handsEveryMessageToTheFunctionUntilClosed() throws InterruptedException {
        CountDownLatch handled = new CountDownLatch(3);
        send("Work", "1", "2", "3");

        try (QueuePoller poller = new QueuePoller(stack.sqs, queues.queueUrl("Work"), event -> {
            event.getRecords().forEach(m -> handled.countDown());
            return new SQSBatchResponse(List.of());
        }, new QueuePoller.Options(10, 1, true))) {
            poller.start();
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(bodies("Work")).isEmpty();
    }

    /** Faults decided by the message body: "again-…" is redelivered once, and the first call fails after handling. */
    private static DeliveryFaults faults(boolean failFirstCall) {
        List<String> redelivered = new CopyOnWriteArrayList<>();
        List<Boolean> calls = new CopyOnWriteArrayList<>();
        return new DeliveryFaults() {
            @Override
            public boolean failsAfterHandling(List<Message> batch) {
                calls.add(true);
                return failFirstCall && calls.size() == 1;
            }

            @Override
            public boolean redelivers(Message handled) {
                return handled.body().startsWith("again") && !redelivered.contains(handled.body())
                        && redelivered.add(handled.body());
            }
        };
    }

    @Test
    void redeliveryFault_handledMessageComesBackAtOnce_theOthersAreDeleted() {
        send("Work", "again-1", "ok-1");

        BatchOutcome total = new QueuePoller(stack.sqs, queues.queueUrl("Work"), this::failingOnes,
                QueuePoller.Options.defaults(), faults(false)).pollUntilIdle(20);

        assertThat(seen).extracting(SQSEvent.SQSMessage::getBody).containsExactlyInAnyOrder("again-1", "ok-1", "again-1");
        assertThat(seen).filteredOn(m -> m.getBody().equals("again-1"))
                .extracting(m -> m.getAttributes().get("ApproximateReceiveCount")).containsExactly("1", "2");
        assertThat(total.failed()).isZero();
        assertThat(bodies("Work")).isEmpty();
        assertThat(bodies("WorkDlq")).isEmpty();
    }

    @Test
    void failAfterHandlingFault_wholeBatchComesBackThoughTheFunctionSucceeded() {
        send("Work", "ok-1", "ok-2");

        BatchOutcome total = new QueuePoller(stack.sqs, queues.queueUrl("Work"), this::failingOnes,
                QueuePoller.Options.defaults(), faults(true)).pollUntilIdle(20);

        assertThat(total.failed()).as("the function itself reported no failure").isZero();
        assertThat(seen).extracting(SQSEvent.SQSMessage::getBody).containsExactlyInAnyOrder("ok-1", "ok-2", "ok-1", "ok-2");
        assertThat(bodies("Work")).isEmpty();
    }
}
