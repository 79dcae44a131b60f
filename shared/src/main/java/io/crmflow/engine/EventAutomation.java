package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import io.crmflow.store.RecordView;
import java.time.Instant;
import java.util.Optional;

/**
 * A templated automation that reacts to CRM events beside the workflows: a pipeline's rule
 * such as "a customer's reply sets the ticket's status" or "a logged call advances the lead".
 * Events arrive at least once, so each must change nothing the second time it sees one.
 */
public interface EventAutomation {
    /**
     * @param viewAsRead the event's record as the trigger engine read it for this event, to decide
     *                   on first instead of reading it again; empty when it was not read
     * @param reads      the tenant settings read for the batch the event came in, which it may share
     */
    void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, TriggerReads reads, Instant now);

    /** The same, for an event delivered on its own. */
    default void onEvent(CrmEvent event, Optional<RecordView> viewAsRead, Instant now) {
        onEvent(event, viewAsRead, TriggerReads.eachEvent(), now);
    }
}
