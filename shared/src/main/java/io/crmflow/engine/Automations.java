package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every templated automation, run for each event after enrollment. One that fails fails the
 * event, which is delivered again; those that had run see it again and change nothing.
 */
public final class Automations {
    private final List<EventAutomation> all;

    public Automations(List<EventAutomation> all) {
        this.all = List.copyOf(all);
    }

    /**
     * @param viewAsRead the event's record as {@link TriggerEngine#onEvent} read it, if it did
     * @param reads      the tenant settings read for the event's batch, which it may share
     */
    public void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now) {
        for (EventAutomation automation : all) {
            automation.onEvent(event, viewAsRead, reads, now);
        }
    }
}
