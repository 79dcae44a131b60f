package io.crmflow.store.memory;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Tenant;
import io.crmflow.model.WebhookSettings;
import io.crmflow.store.OutboxEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory store's data. Listings are kept in maps sorted by the same sort keys the
 * DynamoDB adapter writes (ids, zero-padded numbers, fixed-width timestamps), so both return
 * the same order and page at the same places.
 *
 * <p>Not thread-safe: {@link InMemoryStore} guards every access with its lock.
 */
final class MemoryState {
    private static final DateTimeFormatter FIXED_WIDTH_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    record TenantKey(String tenantId, String name) {
    }

    record RecordKey(String tenantId, RecordRef ref) {
    }

    record SlotKey(String tenantId, String workflowId, RecordRef ref) {
    }

    record VersionKey(String tenantId, String workflowId, long version) {
    }

    /** An effect-ledger entry; {@code result} is null while in progress. */
    record Effect(String result, long claimExpiresAtMillis) {
        boolean done() {
            return result != null;
        }
    }

    final Map<String, Tenant> tenants = new HashMap<>();
    final Map<String, WebhookSettings> webhookSettings = new HashMap<>();
    /** By tenant: the default lead pipeline's templated automations. */
    final Map<String, io.crmflow.definition.LeadAutomations> leadAutomations = new HashMap<>();
    final Map<TenantKey, ObjectType> objectTypes = new HashMap<>();
    /** By tenant and object type, then record id. */
    final Map<TenantKey, NavigableMap<String, CrmRecord>> records = new HashMap<>();
    /** The same records by reference: the point reads every event and step makes, without walking a tree. */
    final Map<RecordKey, CrmRecord> recordsByRef = new HashMap<>();
    /** By record, then "{toType}#{toId}". */
    final Map<RecordKey, NavigableMap<String, Association>> associations = new HashMap<>();
    final Map<RecordKey, NavigableSet<String>> listMarkers = new HashMap<>();
    /** By tenant and list id: the members, as the adapter keeps them beside the list. */
    final Map<TenantKey, NavigableSet<String>> listMembers = new HashMap<>();
    final Map<TenantKey, CrmList> lists = new HashMap<>();
    /** By tenant and object type, then pipeline id. */
    final Map<TenantKey, NavigableMap<String, Pipeline>> pipelines = new HashMap<>();
    /** By tenant and ticket pipeline id. */
    final Map<TenantKey, io.crmflow.model.TicketEmailRules> ticketEmailRules = new HashMap<>();
    /** By tenant and template id: the tenant's own texts of the default emails. */
    final Map<TenantKey, io.crmflow.definition.EmailTemplate> emailTemplates = new HashMap<>();
    /** By tenant and workflow id, then "{at}#{commentId}" (time order, as the adapter keeps them). */
    final Map<TenantKey, NavigableMap<String, io.crmflow.definition.ActionComment>> comments = new HashMap<>();
    /** By tenant, then workflow id. */
    final Map<String, NavigableMap<String, WorkflowDefinition>> workflows = new HashMap<>();
    final Map<VersionKey, WorkflowDefinition> workflowVersions = new HashMap<>();
    /** By tenant and object type, then workflow id. */
    final Map<TenantKey, NavigableMap<String, WorkflowDefinition>> triggers = new HashMap<>();
    final Map<TenantKey, Enrollment> enrollments = new HashMap<>();
    /** By tenant and workflow id, then "{enrolledAt fixed width}#{enrollmentId}". */
    final Map<TenantKey, NavigableMap<String, Enrollment>> enrollmentsByWorkflow = new HashMap<>();
    /** By record, then workflow id: the slots sit in the record's partition and are read with it. */
    final Map<RecordKey, Map<String, io.crmflow.store.EnrollmentSlot>> slots = new HashMap<>();
    /** Counters by (tenant, workflow id), then counter name. */
    final Map<TenantKey, Map<String, Long>> counters = new HashMap<>();
    /** By record, then "{workflowId}#{kind}". */
    final Map<RecordKey, NavigableMap<String, io.crmflow.store.WorkflowMark>> marks = new HashMap<>();
    /** By record, then "{record version, 10 digits}#{eventId}": the order the changes were made. */
    final Map<RecordKey, NavigableMap<String, io.crmflow.model.StageChange>> stageChanges = new HashMap<>();
    /** Where the sweeper re-armed a due step: the index position, apart from the enrollment's own dueAt. */
    final Map<TenantKey, java.time.Instant> sweepAt = new HashMap<>();
    /** Non-terminal enrollments with a due time, at their place in the due index (their dueAt, or where re-armed). */
    final MemoryDueIndex due = new MemoryDueIndex();
    /** How often the sweeper re-armed an enrollment's current step. */
    final Map<TenantKey, Integer> resends = new HashMap<>();
    /** How often a message of an enrollment's current step was dead-lettered. */
    final Map<TenantKey, Integer> failures = new HashMap<>();
    /** By tenant and enrollment id, then the zero-padded index. */
    final Map<TenantKey, NavigableMap<String, HistoryEntry>> history = new HashMap<>();
    final Map<TenantKey, Effect> effects = new HashMap<>();
    final Map<TenantKey, OutboxEntry> outbox = new HashMap<>();
    /** By tenant and workflow id. */
    final Map<TenantKey, io.crmflow.engine.Backfill> backfills = new HashMap<>();
    /** By tenant, then user id. */
    final Map<String, NavigableMap<String, io.crmflow.model.User>> users = new HashMap<>();
    /** By tenant, then team id. */
    final Map<String, NavigableMap<String, io.crmflow.model.Team>> teams = new HashMap<>();
    /** By tenant and user id, then "{at fixed width}#{notificationId}". */
    final Map<TenantKey, NavigableMap<String, io.crmflow.model.Notification>> notifications = new HashMap<>();
    /** "{tenant}|{user id}|{notification id}" of every notification: what the adapter's item key is. */
    final java.util.Set<String> notificationItems = new java.util.HashSet<>();
    final MemoryJourneys journeys = new MemoryJourneys();

    static String associationKey(RecordRef to) {
        return to.objectType() + "#" + to.id();
    }

    static String memberKey(RecordRef member) {
        return member.objectType() + "#" + member.id();
    }

    static String enrollmentOrderKey(Enrollment e) {
        return FIXED_WIDTH_INSTANT.format(e.enrolledAt()) + "#" + e.id();
    }

    static String notificationOrderKey(io.crmflow.model.Notification n) {
        return FIXED_WIDTH_INSTANT.format(n.at()) + "#" + n.id();
    }

    static String notificationItem(String tenantId, io.crmflow.model.Notification n) {
        return tenantId + "|" + n.userId() + "|" + n.id();
    }

    static String historyKey(long index) {
        return padded(index, 10);
    }

    /** {@code n} (0 or more) in {@code width} digits, zeros first: String.format's {@code %0Nd}, without its cost on every write. */
    static String padded(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static <K, V> NavigableMap<String, V> sortedIn(Map<K, NavigableMap<String, V>> map, K key) {
        return map.computeIfAbsent(key, k -> new TreeMap<>());
    }

    static <K> NavigableSet<String> setIn(Map<K, NavigableSet<String>> map, K key) {
        return map.computeIfAbsent(key, k -> new TreeSet<>());
    }

    static <K, V> NavigableMap<String, V> sortedOrEmpty(Map<K, NavigableMap<String, V>> map, K key) {
        NavigableMap<String, V> found = map.get(key);
        return found == null ? new TreeMap<>() : found;
    }

    io.crmflow.store.EnrollmentSlot slot(SlotKey key) {
        Map<String, io.crmflow.store.EnrollmentSlot> ofRecord = slots.get(new RecordKey(key.tenantId(), key.ref()));
        return ofRecord == null ? null : ofRecord.get(key.workflowId());
    }

    void putSlot(SlotKey key, io.crmflow.store.EnrollmentSlot slot) {
        slots.computeIfAbsent(new RecordKey(key.tenantId(), key.ref()), k -> new HashMap<>()).put(key.workflowId(), slot);
    }

    CrmRecord record(String tenantId, RecordRef ref) {
        return recordsByRef.get(new RecordKey(tenantId, ref));
    }

    void putRecord(CrmRecord record) {
        sortedIn(records, new TenantKey(record.tenantId(), record.objectType())).put(record.id(), record);
        recordsByRef.put(new RecordKey(record.tenantId(), record.ref()), record);
    }

    /** Millisecond precision, as the due index's sort key holds it. */
    static boolean dueBy(Instant dueAt, Instant now) {
        return dueAt.toEpochMilli() <= now.toEpochMilli();
    }

    static String stageChangeKey(io.crmflow.model.StageChange c) {
        return padded(c.recordVersion(), 10) + "#" + c.eventId();
    }

    static String commentKey(io.crmflow.definition.ActionComment c) {
        return String.format("%020d%09d#%s", c.at().getEpochSecond(), c.at().getNano(), c.id());
    }
}
