package io.crmflow.engine;

import io.crmflow.model.CrmEvent;
import java.time.Instant;
import java.util.List;

/**
 * Every templated automation, run for each event after enrollment. One that fails fails the
 * event, which is delivered again; those that had run see it again and change nothing.
 */
public final class Automations {
    private final List<EventAutomation> all;

    public Automations(List<EventAutomation> all) {
        this.all = List.copyOf(all);
    }

    public void onEvent(CrmEvent event, Instant now) {
        for (EventAutomation automation : all) {
            automation.onEvent(event, now);
        }
    }
}
