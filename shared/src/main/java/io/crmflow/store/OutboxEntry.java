package io.crmflow.store;

import io.crmflow.model.CrmEvent;
import java.time.Instant;

/** An event written with the change that caused it, kept until it is known to be on the bus. */
public record OutboxEntry(CrmEvent event, Instant dueAt) {
}
