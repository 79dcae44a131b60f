package io.crmflow.functions.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.json.Json;
import java.io.PrintStream;

/**
 * One JSON object per line, which CloudWatch Logs Insights can query. Lines carry ids and
 * error messages, never property values or email addresses. Thread-safe.
 */
public final class StructuredLog {
    private final String function;
    private final PrintStream out;

    public StructuredLog(String function, PrintStream out) {
        this.function = function;
        this.out = out;
    }

    public void info(String message) {
        out.println(line("INFO", message, null, null));
    }

    public void warn(String message, String messageId, Throwable error) {
        out.println(line("WARN", message, messageId, error));
    }

    public void error(String message, String messageId) {
        out.println(line("ERROR", message, messageId, null));
    }

    private String line(String level, String message, String messageId, Throwable error) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("level", level).put("function", function).put("message", message);
        if (messageId != null) {
            node.put("messageId", messageId);
        }
        if (error != null) {
            node.put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        return node.toString();
    }
}
