package io.crmflow.model;

/**
 * A ticket pipeline's status-from-email settings (R-PIPE-3): two rules, each switched on on its
 * own, each setting the ticket's status to one status of that pipeline. What counts as an email
 * to a customer or a customer's reply is {@code engine.TicketEmail}'s to say; the reopening of a
 * closed ticket (R-PIPE-5) needs no setting.
 *
 * @param emailSentToCustomer a user emails the customer from the ticket: status A
 * @param customerReplied     the customer replies in the thread the ticket was created in: status B
 */
public record TicketEmailRules(String pipelineId, StatusRule emailSentToCustomer, StatusRule customerReplied) {

    /**
     * @param status the status to set; may be left out while the rule is off
     */
    public record StatusRule(boolean enabled, String status) {
        public static final StatusRule OFF = new StatusRule(false, null);

        public StatusRule {
            if (status != null && status.isEmpty()) {
                status = null;
            }
            if (enabled && status == null) {
                throw new IllegalArgumentException("a rule that is on needs the status it sets");
            }
        }
    }

    public TicketEmailRules {
        Require.name(pipelineId, "pipeline id");
        emailSentToCustomer = emailSentToCustomer == null ? StatusRule.OFF : emailSentToCustomer;
        customerReplied = customerReplied == null ? StatusRule.OFF : customerReplied;
    }

    /** What a pipeline has until its rules are saved: both off. */
    public static TicketEmailRules off(String pipelineId) {
        return new TicketEmailRules(pipelineId, StatusRule.OFF, StatusRule.OFF);
    }
}
