package io.crmflow.functions.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids a log line is about — message, tenant, record, workflow, enrollment, event — in the
 * order they were added: what a person needs to find the data, never the data itself. A null or
 * blank id is left out. Immutable.
 */
public record LogIds(Map<String, String> ids) {
    public static final LogIds NONE = new LogIds(Map.of());

    public LogIds {
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    public static LogIds message(String messageId) {
        return NONE.with("messageId", messageId);
    }

    public LogIds with(String name, String id) {
        if (id == null || id.isBlank()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(ids);
        more.put(name, id);
        return new LogIds(more);
    }
}
