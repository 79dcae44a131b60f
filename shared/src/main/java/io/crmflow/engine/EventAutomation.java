package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import java.time.Instant;

/**
 * A templated automation that reacts to CRM events beside the workflows: a pipeline's rule
 * such as "a customer's reply sets the ticket's status" or "a logged call advances the lead".
 * Events arrive at least once, so each must change nothing the second time it sees one.
 */
public interface EventAutomation {
    void onEvent(CrmEvent event, Instant now);
}
