package io.crmflow.model;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to one record: what the trigger handler reacts to. Events travel on
 * the bus at least once; {@link #eventId()} lets consumers recognise a redelivery.
 */
public sealed interface CrmEvent permits CrmEvent.RecordCreated, CrmEvent.PropertiesChanged, CrmEvent.ActivityLogged,
        CrmEvent.ListMembershipChanged, CrmEvent.WorkflowMilestone, CrmEvent.EnrollmentRequested,
        CrmEvent.UnenrollmentRequested {

    String eventId();

    String tenantId();

    RecordRef record();

    Instant occurredAt();

    Origin origin();

    /** The bus detail-type of this kind of event. */
    String detailType();

    record RecordCreated(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin)
            implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.record.created";

        public RecordCreated {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    record PropertiesChanged(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                             List<PropertyChange> changes) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.properties.changed";

        public PropertiesChanged {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            changes = List.copyOf(changes);
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    record ActivityLogged(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                          Activity activity) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.activity.logged";

        public ActivityLogged {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            Require.nonNull(activity, "activity");
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /** The record joined ({@code joined}) or left a static list. */
    record ListMembershipChanged(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                                 String listId, boolean joined) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.list.membership.changed";

        public ListMembershipChanged {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            Require.name(listId, "list id");
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /**
     * The record reached a milestone in a workflow: other workflows may be triggered by it
     * (R-WF-2, R-WF-14: "enrolled in", "completed", "goal met in workflow X").
     */
    record WorkflowMilestone(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                             String workflowId, Milestone milestone) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.workflow.milestone";

        public enum Milestone {
            ENROLLED,
            COMPLETED,
            GOAL_MET
        }

        public WorkflowMilestone {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            Require.name(workflowId, "workflow id");
            Require.nonNull(milestone, "milestone");
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /**
     * A workflow's "enroll in workflow" action asks for the record to enter {@code workflowId}.
     * Carried by the outbox and the bus like any event, so the request survives a crash after
     * the step's commit; the trigger handler enrolls.
     */
    record EnrollmentRequested(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                               String workflowId) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.workflow.enrollment.requested";

        public EnrollmentRequested {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            Require.name(workflowId, "workflow id");
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /** A workflow's "unenroll from workflows" action asks for the record to leave {@code workflowIds}. */
    record UnenrollmentRequested(String eventId, String tenantId, RecordRef record, Instant occurredAt, Origin origin,
                                 List<String> workflowIds) implements CrmEvent {
        public static final String DETAIL_TYPE = "crm.workflow.unenrollment.requested";

        public UnenrollmentRequested {
            requireCommon(eventId, tenantId, record, occurredAt, origin);
            workflowIds = List.copyOf(workflowIds);
        }

        @Override
        public String detailType() {
            return DETAIL_TYPE;
        }
    }

    /** What every event must carry, checked the same way by each kind. */
    private static void requireCommon(String eventId, String tenantId, RecordRef record, Instant occurredAt,
                                      Origin origin) {
        Require.name(eventId, "event id");
        Require.name(tenantId, "tenant id");
        Require.nonNull(record, "record");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(origin, "origin");
    }
}
