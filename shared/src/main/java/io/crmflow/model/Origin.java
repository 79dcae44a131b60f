package io.crmflow.model;

/**
 * Who or what made a change. Loop protection and the lead rules (R-LEAD-1, R-LEAD-5) read it.
 *
 * @param id the user id, workflow id or integration name; "" when there is none
 */
public record Origin(Kind kind, String id) {
    public enum Kind {
        USER,
        API,
        WORKFLOW,
        /** A company's lifecycle stage copied down to its contacts. */
        LIFECYCLE_SYNC,
        INTEGRATION
    }

    public Origin {
        Require.nonNull(kind, "origin kind");
        id = id == null ? "" : id;
    }

    public static Origin api() {
        return new Origin(Kind.API, "");
    }

    public static Origin workflow(String workflowId) {
        return new Origin(Kind.WORKFLOW, workflowId);
    }
}
