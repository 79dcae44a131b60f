package io.crmflow.model;

/**
 * Who or what made a change. Loop protection, the lead rules (R-LEAD-1, R-LEAD-5) and a record's
 * stage history read it.
 *
 * @param id the user id, workflow id, pipeline id or integration name; "" when there is none
 */
public record Origin(Kind kind, String id) {
    public enum Kind {
        /** A person, by hand (the API names the user it acts for). */
        USER,
        /** A caller of the API that names no user: an import, another system. */
        API,
        WORKFLOW,
        /** A company's lifecycle stage copied down to its contacts. */
        LIFECYCLE_SYNC,
        INTEGRATION,
        /** One of the default lead pipeline's templated automations (R-LEAD-1..4); the id names which. */
        LEAD_AUTOMATION,
        /** A ticket pipeline's status-from-email rule (R-PIPE-3..5); the id is the pipeline's. */
        TICKET_EMAIL_RULE
    }

    public Origin {
        Require.nonNull(kind, "origin kind");
        id = id == null ? "" : id;
    }

    public static Origin api() {
        return new Origin(Kind.API, "");
    }

    public static Origin user(String userId) {
        return new Origin(Kind.USER, userId);
    }

    public static Origin workflow(String workflowId) {
        return new Origin(Kind.WORKFLOW, workflowId);
    }

    public static Origin leadAutomation(String automation) {
        return new Origin(Kind.LEAD_AUTOMATION, automation);
    }

    public static Origin ticketEmailRule(String pipelineId) {
        return new Origin(Kind.TICKET_EMAIL_RULE, pipelineId);
    }

    /** Said the way a history reads it: "user 'u1'", "workflow 'welcome'", "the API". */
    public String describe() {
        return switch (kind) {
            case USER -> id.isEmpty() ? "a user" : "user '" + id + "'";
            case API -> "the API";
            case WORKFLOW -> "workflow '" + id + "'";
            case LIFECYCLE_SYNC -> "the company lifecycle-stage sync";
            case INTEGRATION -> id.isEmpty() ? "an integration" : "integration '" + id + "'";
            case LEAD_AUTOMATION -> "lead automation '" + id + "'";
            case TICKET_EMAIL_RULE -> "the ticket email rule of pipeline '" + id + "'";
        };
    }
}
