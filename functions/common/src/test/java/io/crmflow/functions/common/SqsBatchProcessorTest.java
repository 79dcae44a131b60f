package io.crmflow.functions.common;

import static io.crmflow.functions.common.SqsDeliveries.batch;
import static io.crmflow.functions.common.SqsDeliveries.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.crmflow.engine.InvalidMessageException;
import io.crmflow.json.JsonInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-RUN-3 SQS batches: partial failures, retries, dead-lettering with a reason")
class SqsBatchProcessorTest {
    private final List<String> deadLettered = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final SqsBatchProcessor processor = new SqsBatchProcessor(
            (m, reason) -> deadLettered.add(m.getMessageId() + ": " + reason), 4,
            new Metrics("test", print, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), new StructuredLog("test", print));

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void process_oneMessageFails_onlyThatOneIsReportedAndTheOthersRun() {
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = processor.process(batch(message("a", "ok", 1), message("b", "boom", 1),
                message("c", "ok", 1)), m -> {
                    if (m.getBody().equals("boom")) {
                        throw new IllegalStateException("table unavailable");
                    }
                    handled.add(m.getMessageId());
                });
        assertThat(failedIds(response)).containsExactly("b");
        assertThat(handled).containsExactly("a", "c");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void process_invalidMessageOnFirstAttempt_isRetriedNotDeadLettered() {
        SQSBatchResponse response = processor.process(batch(message("a", "{", 1)), m -> {
            throw new InvalidMessageException("tenant 'ghost' does not exist");
        });
        assertThat(failedIds(response)).containsExactly("a");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void process_invalidMessageOnSecondAttempt_isDeadLetteredWithItsReasonAndAcknowledged() {
        SQSBatchResponse response = processor.process(batch(message("a", "{", 2)), m -> {
            throw new InvalidMessageException("tenant 'ghost' does not exist");
        });
        assertThat(failedIds(response)).isEmpty();
        assertThat(deadLettered).containsExactly("a: InvalidMessageException: tenant 'ghost' does not exist");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"MessagesDeadLettered\":1");
    }

    @Test
    void process_undecodableBodyOnSecondAttempt_isDeadLetteredWithWhereTheBodyIsWrong() {
        processor.process(batch(message("a", "{\"tenantId\": \"t\"}", 2)), m -> {
            throw new JsonInputException("/seq", "Cannot map `null` into type `long`");
        });
        assertThat(deadLettered).containsExactly("a: JsonInputException at /seq: Cannot map `null` into type `long`");
    }

    @Test
    void process_transientFailureBelowMaxAttempts_isRetried_atMaxAttempts_isDeadLettered() {
        SqsBatchProcessor.MessageHandler failing = m -> {
            throw new IllegalStateException("throttled");
        };
        assertThat(failedIds(processor.process(batch(message("a", "x", 3)), failing))).containsExactly("a");
        assertThat(failedIds(processor.process(batch(message("a", "x", 4)), failing))).isEmpty();
        assertThat(deadLettered).containsExactly("a: IllegalStateException: throttled");
    }

    @Test
    void process_deadLetterQueueUnreachable_leavesTheMessageToTheRedrivePolicy() {
        var noQueue = new SqsBatchProcessor(DeadLetters.NONE, 4,
                new Metrics("test", print, Clock.systemUTC()), new StructuredLog("test", print));
        SQSBatchResponse response = noQueue.process(batch(message("a", "x", 9)), m -> {
            throw new IllegalStateException("still failing");
        });
        assertThat(failedIds(response)).containsExactly("a");
    }
}
