package io.crmflow.model;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to one record: what the trigger handler reacts to. Events travel on
 * the bus at least once; {@link #eventId()} lets consumers recognise a redelivery.
 */
public sealed interface CrmEvent permits CrmEvent.RecordCreated, CrmEvent.PropertiesChanged, CrmEvent.ActivityLogged,
        CrmEvent.ListMembershipChanged {

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
