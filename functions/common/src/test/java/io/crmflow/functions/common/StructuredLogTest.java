package io.crmflow.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Log lines are JSON naming ids; messages, ids and errors are redacted, the engine's own lines too")
class StructuredLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StructuredLog log = new StructuredLog("step", new PrintStream(out, true, StandardCharsets.UTF_8));

    private JsonNode onlyLine() {
        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        return Json.tree(lines.get(0));
    }

    @Test
    void warn_namesTheIdsInOrder_andRedactsTheErrorsText() {
        log.warn("message failed; it will be retried", LogIds.message("m-1").with("tenantId", "acme")
                .with("enrollmentId", "welcome~contact~c-1").with("recordId", null),
                new IllegalArgumentException("'ada@example.com' is not a valid number"));

        JsonNode line = onlyLine();
        assertThat(line.properties().stream().map(java.util.Map.Entry::getKey).toList())
                .containsExactly("level", "function", "message", "messageId", "tenantId", "enrollmentId", "error");
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("error").asText()).isEqualTo("IllegalArgumentException: '[email]' is not a valid number");
    }

    @Test
    void anIdThatIsAnAddress_isRedactedToo() {
        log.error("message dead-lettered", LogIds.message("m-1").with("recordId", "grace@navy.mil"));

        assertThat(onlyLine().get("recordId").asText()).isEqualTo("[email]");
    }

    @Test
    void engineLines_areWrittenAsStructuredLines_redacted_withTheirLevel() {
        var record = new LogRecord(Level.WARNING, "skipping an outbox entry this build cannot read: {0}");
        record.setParameters(new Object[] {"'+1 415 555 0134' is not a valid date"});
        record.setLoggerName("io.crmflow.aws.dynamodb.DynamoDbOutbox");

        new EngineLogs(log).publish(record);

        JsonNode line = onlyLine();
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("logger").asText()).isEqualTo("io.crmflow.aws.dynamodb.DynamoDbOutbox");
        assertThat(line.get("message").asText())
                .isEqualTo("skipping an outbox entry this build cannot read: '[phone]' is not a valid date");
    }

    @Test
    void routeTo_sendsWhatTheEngineLogsThroughSystemLogger_toTheStructuredLog() {
        var root = java.util.logging.Logger.getLogger("");
        var before = root.getHandlers();
        try {
            EngineLogs.routeTo(log);
            System.getLogger("io.crmflow.engine.DueSweeper").log(System.Logger.Level.WARNING,
                    "sending step of ada@example.com failed; the next sweep tries again");
        } finally {
            for (var handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            for (var handler : before) {
                root.addHandler(handler);
            }
        }

        assertThat(onlyLine().get("message").asText()).isEqualTo("sending step of [email] failed; the next sweep tries again");
    }
}
