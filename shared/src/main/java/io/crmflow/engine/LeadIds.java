package io.crmflow.engine;

/**
 * Ids of what the lead automations make, derived from the event they react to: a redelivered
 * event names the same lead, the same effect and the same event again, so the table's
 * conditions turn the repeat into a no-op.
 */
final class LeadIds {
    private LeadIds() {
    }

    /** The lead created for a contact, or as a follow-up, by {@code eventId}. */
    static String lead(String eventId) {
        return "lead-" + StepIds.digest("lead~" + eventId);
    }

    /** The exactly-once key of moving {@code leadId} on because of {@code eventId}. */
    static String move(String eventId, String leadId) {
        return "lead-move-" + StepIds.digest(eventId + "~" + leadId);
    }

    /** The event that tells the bus about that move. */
    static String moveEvent(String eventId, String leadId) {
        return "evt-" + StepIds.digest("lead-move~" + eventId + "~" + leadId);
    }
}
