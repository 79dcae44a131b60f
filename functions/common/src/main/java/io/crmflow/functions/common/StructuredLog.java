package io.crmflow.functions.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.json.Json;
import java.io.PrintStream;

/**
 * One JSON object per line, which CloudWatch Logs Insights can query: level, function, message,
 * the ids the line is about ({@link LogIds}) and the error, if any. Lines name ids, never
 * property values; and since an error's message may quote what it failed on, every text that
 * goes out — message, ids, error — passes through {@link Redaction} first. Thread-safe.
 */
public final class StructuredLog {
    private final String function;
    private final PrintStream out;

    public StructuredLog(String function, PrintStream out) {
        this.function = function;
        this.out = out;
    }

    public void info(String message) {
        write("INFO", message, LogIds.NONE, null);
    }

    public void warn(String message, LogIds ids, Throwable error) {
        write("WARN", message, ids, error);
    }

    public void error(String message, LogIds ids) {
        write("ERROR", message, ids, null);
    }

    void write(String level, String message, LogIds ids, Throwable error) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("level", level).put("function", function).put("message", Redaction.redact(message));
        ids.ids().forEach((name, id) -> node.put(name, Redaction.redact(id)));
        if (error != null) {
            node.put("error", Redaction.redact(error.getClass().getSimpleName() + ": " + error.getMessage()));
        }
        out.println(node.toString());
    }
}
