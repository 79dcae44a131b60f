package io.crmflow.aws.dynamodb;

import io.crmflow.model.RecordRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every key of the single table, in one place (docs/data-model.md draws the same picture).
 * Ids never contain '#' (the model's id rule keeps it out), so '#' can separate key parts
 * without escaping. Numbers in sort keys are zero-padded and instants fixed-width so that the
 * string order DynamoDB sorts by is the numeric or time order.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String DUE = "due";
    static final String DUE_PK = "duePk";
    static final String DUE_SK = "dueSk";
    /** The table's time-to-live attribute, in epoch seconds. */
    static final String EXPIRES_AT = "expiresAt";

    /** Spreads the due index's writes over several partitions; the sweep queries them all. */
    static final int DUE_SHARDS = 8;

    static final String TENANT_SK = "TENANT";
    static final String WEBHOOK_SETTINGS_SK = "WEBHOOKS";
    static final String RECORD_SK = "#RECORD";
    static final String ASSOCIATION_PREFIX = "ASSOC#";
    static final String LIST_MARKER_PREFIX = "LIST#";
    static final String LIST_MEMBER_PREFIX = "M#";
    static final String SLOT_PREFIX = "SLOT#";
    static final String MARK_PREFIX = "MARK#";
    static final String STAGE_CHANGE_PREFIX = "CHG#";
    static final String LIST_DEFINITION_SK = "#DEF";
    static final String CURRENT_SK = "#CURRENT";
    static final String ENROLLMENT_SK = "#ENROLLMENT";
    static final String HISTORY_PREFIX = "H#";
    static final String EFFECT_SK = "#EFFECT";
    static final String IDEMPOTENCY_SK = "#IDEMPOTENCY";
    static final String EVENT_SK = "#EVENT";

    private static final DateTimeFormatter FIXED_WIDTH_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String tenant(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String objectTypeSk(String name) {
        return "OBJTYPE#" + name;
    }

    static String record(String tenantId, RecordRef ref) {
        return "T#" + tenantId + "#R#" + ref.objectType() + "#" + ref.id();
    }

    static String recordsOfType(String tenantId, String objectType) {
        return "T#" + tenantId + "#TYPE#" + objectType;
    }

    static String associationSk(RecordRef to) {
        return ASSOCIATION_PREFIX + to.objectType() + "#" + to.id();
    }

    static String listMarkerSk(String listId) {
        return LIST_MARKER_PREFIX + listId;
    }

    static String list(String tenantId, String listId) {
        return "T#" + tenantId + "#LIST#" + listId;
    }

    static String memberSk(RecordRef member) {
        return LIST_MEMBER_PREFIX + member.objectType() + "#" + member.id();
    }

    static final String COMMENT_PREFIX = "COMMENT#";

    static String emailTemplateSk(String templateId) {
        return "EMAILTEMPLATE#" + templateId;
    }

    /** In the workflow's partition; time first, so a Query reads them oldest first. */
    static String commentSk(Instant at, String commentId) {
        return COMMENT_PREFIX + FIXED_WIDTH_INSTANT.format(at) + "#" + commentId;
    }

    static String pipelines(String tenantId, String objectType) {
        return "T#" + tenantId + "#PIPELINES#" + objectType;
    }

    /**
     * A tenant's ticket status-from-email rules, one item per pipeline, in a partition of their
     * own: the pipelines' partition is read whole, and must hold pipelines only.
     */
    static String ticketEmailRules(String tenantId) {
        return "T#" + tenantId + "#TICKET_EMAIL_RULES";
    }

    /** The default lead pipeline's templated automations: a partition of their own, not the pipelines' one. */
    static String leadAutomations(String tenantId) {
        return "T#" + tenantId + "#LEADAUTO";
    }

    static final String COUNTER_PREFIX = "COUNTER#";

    /** Each counter is spread over this many items; reads sum them. */
    static final int COUNTER_SHARDS = 16;

    static String counterSk(String counter, String spreadBy) {
        return COUNTER_PREFIX + counter + "#" + Math.floorMod(spreadBy.hashCode(), COUNTER_SHARDS);
    }

    /** The counter name of a counter item's sort key. */
    static String counterName(String sk) {
        String rest = sk.substring(COUNTER_PREFIX.length());
        int hash = rest.lastIndexOf('#');
        return hash < 0 ? rest : rest.substring(0, hash);
    }

    static String workflow(String tenantId, String workflowId) {
        return "T#" + tenantId + "#WF#" + workflowId;
    }

    static String workflowVersionSk(long version) {
        return "V#" + String.format("%010d", version);
    }

    static String lists(String tenantId) {
        return "T#" + tenantId + "#LISTS";
    }

    static String workflows(String tenantId) {
        return "T#" + tenantId + "#WORKFLOWS";
    }

    static String triggers(String tenantId, String objectType) {
        return "T#" + tenantId + "#TRIGGERS#" + objectType;
    }

    static String enrollment(String tenantId, String enrollmentId) {
        return "T#" + tenantId + "#E#" + enrollmentId;
    }

    static String enrollmentsOf(String tenantId, String workflowId) {
        return "T#" + tenantId + "#WF#" + workflowId + "#ENROLLMENTS";
    }

    static String enrollmentsOfSk(Instant enrolledAt, String enrollmentId) {
        return FIXED_WIDTH_INSTANT.format(enrolledAt) + "#" + enrollmentId;
    }

    /** By the record version the change made: two changes may share an instant, never a version. */
    static String stageChangeSk(long recordVersion, String eventId) {
        return STAGE_CHANGE_PREFIX + String.format("%010d", recordVersion) + "#" + eventId;
    }

    static String slotSk(String workflowId) {
        return SLOT_PREFIX + workflowId;
    }

    static String historySk(long index) {
        return HISTORY_PREFIX + String.format("%010d", index);
    }

    static String effect(String tenantId, String key) {
        return "T#" + tenantId + "#FX#" + key;
    }

    /**
     * A request's idempotency record, in the tenant it acts for. The key is the client's and may
     * hold '#', so it comes last, and the sort key alone tells these items apart from every other.
     */
    static String idempotency(String tenantId, String key) {
        return "T#" + tenantId + "#IDEM#" + key;
    }

    static String event(String tenantId, String eventId) {
        return "T#" + tenantId + "#O#" + eventId;
    }

    static String dueStepPk(String enrollmentId) {
        return dueStepShard(shard(enrollmentId));
    }

    static String dueStepShard(int shard) {
        return "DUE#E#" + shard;
    }

    static String dueEventPk(String eventId) {
        return dueEventShard(shard(eventId));
    }

    static String dueEventShard(int shard) {
        return "DUE#O#" + shard;
    }

    /** Millisecond order first, then tenant and id so that equal times still sort the same way everywhere. */
    static String dueSk(Instant dueAt, String tenantId, String id) {
        return dueMillis(dueAt) + "#" + tenantId + "#" + id;
    }

    /** The highest due key at {@code now}: '~' sorts after every character an id may hold. */
    static String dueUpTo(Instant now) {
        return dueMillis(now) + "#~";
    }

    static final String BACKFILL_SK = "#BACKFILL";

    /** A workflow's backfill sits in the due index while running, spread by tenant and workflow. */
    static String dueBackfillPk(String tenantId, String workflowId) {
        return dueBackfillShard(shard(tenantId + "#" + workflowId));
    }

    static String dueBackfillShard(int shard) {
        return "DUE#B#" + shard;
    }

    private static String dueMillis(Instant at) {
        return String.format("%013d", at.toEpochMilli());
    }

    static final String USER_SK = "#USER";
    static final String TEAM_SK = "#TEAM";
    static final String NOTIFICATION_PREFIX = "N#";

    /** A user's partition: the user, and the notifications left for them. */
    static String user(String tenantId, String userId) {
        return "T#" + tenantId + "#USER#" + userId;
    }

    static String users(String tenantId) {
        return "T#" + tenantId + "#USERS";
    }

    static String team(String tenantId, String teamId) {
        return "T#" + tenantId + "#TEAM#" + teamId;
    }

    static String teams(String tenantId) {
        return "T#" + tenantId + "#TEAMS";
    }

    /** Keyed by id alone, so a step deciding twice names the same item whatever time it decided at. */
    static String notificationSk(String notificationId) {
        return NOTIFICATION_PREFIX + notificationId;
    }

    static String notificationsOf(String tenantId, String userId) {
        return "T#" + tenantId + "#USER#" + userId + "#NOTIFICATIONS";
    }

    static String notificationsOfSk(Instant at, String notificationId) {
        return FIXED_WIDTH_INSTANT.format(at) + "#" + notificationId;
    }

    static final String JOURNEY_SK = "#JOURNEY";
    static final String JOURNEY_VERSION_PREFIX = "V#";
    static final String ELIGIBILITY_SK = "#CLAIM";
    static final String OWNED_SK = "#COUNT";

    /** A journey's partition: the journey, its versions, their definitions and the stages' histories. */
    static String journey(String tenantId, String journeyId) {
        return "T#" + tenantId + "#JRN#" + journeyId;
    }

    static String journeys(String tenantId) {
        return "T#" + tenantId + "#JOURNEYS";
    }

    static String journeyVersionSk(long version) {
        return JOURNEY_VERSION_PREFIX + String.format("%010d", version);
    }

    static String journeyDefinitionSk(long version) {
        return "D#" + String.format("%010d", version);
    }

    /** The trailing '#' keeps one stage's prefix from matching another stage whose id starts alike. */
    static String stageVersionPrefix(String stageId) {
        return "SV#" + stageId + "#";
    }

    static String stageVersionSk(String stageId, long version) {
        return stageVersionPrefix(stageId) + String.format("%010d", version);
    }

    static String eligibility(String tenantId, String key) {
        return "T#" + tenantId + "#JRNELIG#" + key;
    }

    static String journeysOwned(String tenantId, String userId) {
        return "T#" + tenantId + "#JRNOWNER#" + userId;
    }

    private static int shard(String id) {
        return Math.floorMod(id.hashCode(), DUE_SHARDS);
    }
}
