package io.crmflow.outbound;

import io.crmflow.model.CrmEvent;
import java.util.List;

/** Publishes CRM events for the trigger handler and any other subscriber. At least once. */
public interface EventBus {
    void publish(List<CrmEvent> events);
}
