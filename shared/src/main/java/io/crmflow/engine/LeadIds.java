package io.crmflow.engine;

/**
 * Ids of what the lead automations make. Each is derived so that a repeat collides in the
 * table: a redelivered event names the same effect and event again, and two handlers deciding
 * the same lead at once name the same lead, so the table's conditions let one of them through.
 */
final class LeadIds {
    private LeadIds() {
    }

    /**
     * The lead created for a contact that has {@code leadsAssociated} leads (R-LEAD-1). Leads are
     * never dissociated from a contact, so the count only grows: a later lead gets another id,
     * while two handlers that read the same count name the same lead.
     */
    static String contactLead(String contactId, int leadsAssociated) {
        return "lead-" + StepIds.digest("contact-lead~" + contactId + "~" + leadsAssociated);
    }

    /** The exactly-once key of creating a contact's lead because of {@code eventId}. */
    static String contactLeadEffect(String eventId) {
        return "lead-create-" + StepIds.digest(eventId);
    }

    /**
     * The follow-up of a lead's disqualification (R-LEAD-2): the stage change that moved it to
     * Disqualified, named by the record version it made. The move and a reason chosen afterwards
     * both name the same follow-up.
     */
    static String followUp(String leadId, long disqualifiedAtVersion) {
        return "lead-" + StepIds.digest("follow-up~" + leadId + "~" + disqualifiedAtVersion);
    }

    /** The exactly-once key of that follow-up. */
    static String followUpEffect(String leadId, long disqualifiedAtVersion) {
        return "lead-follow-up-" + StepIds.digest(leadId + "~" + disqualifiedAtVersion);
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
