package io.crmflow.store.memory;

import io.crmflow.definition.CrmList;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Notification;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Team;
import io.crmflow.model.Tenant;
import io.crmflow.model.User;
import io.crmflow.model.WebhookSettings;
import io.crmflow.store.ConflictException;
import io.crmflow.store.DefinitionStore;
import io.crmflow.store.DueStep;
import io.crmflow.store.EffectLedger;
import io.crmflow.store.EnrollmentStore;
import io.crmflow.store.JourneyStore;
import io.crmflow.store.KeyPaging;
import io.crmflow.store.Outbox;
import io.crmflow.store.OutboxEntry;
import io.crmflow.store.Page;
import io.crmflow.store.PeopleStore;
import io.crmflow.store.RecordStore;
import io.crmflow.store.RecordView;
import io.crmflow.store.TransactionalWriter;
import io.crmflow.store.Write;
import io.crmflow.store.memory.MemoryState.RecordKey;
import io.crmflow.store.memory.MemoryState.SlotKey;
import io.crmflow.store.memory.MemoryState.TenantKey;
import io.crmflow.store.memory.MemoryState.VersionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All eight store ports in memory, with the DynamoDB adapter's semantics: the same conditions,
 * orders, page boundaries and limits (at most 100 items per commit, no item touched twice). What
 * it cannot show is what only a real table does: transactions cancelled by contention, item and
 * event size limits, and index reads that lag; the contract tests also run on DynamoDB Local for
 * that reason. For unit tests and simulations only: nothing survives the process.
 *
 * <p>Thread-safe by one read-write lock over all the data: reads share it, and every change
 * (a commit, a ledger claim, a rearm, an outbox removal) holds it exclusively, which is what
 * makes a commit atomic: its conditions are all checked, then all its writes applied, with no
 * reader or writer in between. One lock keeps that argument short; the store is not meant to
 * be fast under contention. Returned values are immutable.
 */
public final class InMemoryStore
        implements RecordStore, DefinitionStore, EnrollmentStore, EffectLedger, Outbox, TransactionalWriter, PeopleStore,
        JourneyStore {
    /** DynamoDB's TransactWriteItems limit, applied here so a too-large commit fails in tests too. */
    static final int MAX_ITEMS_PER_COMMIT = 100;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MemoryState s = new MemoryState();
    private final MemoryWrites writes = new MemoryWrites(s);

    @Override
    public void commit(List<Write> commit) {
        MemoryWrites.checkItems(commit, MAX_ITEMS_PER_COMMIT);
        write(() -> {
            for (int i = 0; i < commit.size(); i++) {
                String problem = writes.conflict(commit.get(i));
                if (problem != null) {
                    throw new ConflictException(i, "write " + i + " (" + commit.get(i).getClass().getSimpleName()
                            + "): " + problem);
                }
            }
            commit.forEach(writes::apply);
            return null;
        });
    }

    // --- RecordStore

    @Override
    public Optional<CrmRecord> record(String tenantId, RecordRef ref) {
        return read(() -> Optional.ofNullable(s.record(tenantId, ref)));
    }

    @Override
    public Optional<RecordView> view(String tenantId, RecordRef ref) {
        return read(() -> {
            CrmRecord record = s.record(tenantId, ref);
            if (record == null) {
                return Optional.empty();
            }
            RecordKey key = new RecordKey(tenantId, ref);
            List<Association> associations = List.copyOf(MemoryState.sortedOrEmpty(s.associations, key).values());
            var lists = s.listMarkers.get(key);
            var slots = Map.copyOf(s.slots.getOrDefault(key, Map.of()));
            var marks = List.copyOf(MemoryState.sortedOrEmpty(s.marks, key).values());
            var stageChanges = List.copyOf(MemoryState.sortedOrEmpty(s.stageChanges, key).values());
            return Optional.of(new RecordView(record, associations, lists == null ? Set.<String>of() : lists, slots,
                    marks, stageChanges));
        });
    }

    @Override
    public List<CrmRecord> records(String tenantId, List<RecordRef> refs) {
        return read(() -> {
            List<CrmRecord> found = new ArrayList<>();
            for (RecordRef ref : new LinkedHashSet<>(refs)) {
                Optional.ofNullable(s.record(tenantId, ref)).ifPresent(found::add);
            }
            return found;
        });
    }

    @Override
    public Page<CrmRecord> recordsOfType(String tenantId, String objectType, String cursor, int limit) {
        return read(() -> KeyPaging.page(MemoryState.sortedOrEmpty(s.records, new TenantKey(tenantId, objectType)),
                "records|" + tenantId + "|" + objectType, cursor, limit));
    }

    @Override
    public Page<RecordRef> listMembers(String tenantId, String listId, String cursor, int limit) {
        return read(() -> {
            java.util.NavigableMap<String, RecordRef> members = new java.util.TreeMap<>();
            s.listMembers.getOrDefault(new TenantKey(tenantId, listId), new java.util.TreeSet<>()).forEach(key -> {
                int hash = key.indexOf('#');
                members.put(key, new RecordRef(key.substring(0, hash), key.substring(hash + 1)));
            });
            return KeyPaging.page(members, "members|" + tenantId + "|" + listId, cursor, limit);
        });
    }

    // --- DefinitionStore

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return read(() -> Optional.ofNullable(s.tenants.get(tenantId)));
    }

    @Override
    public Optional<WebhookSettings> webhookSettings(String tenantId) {
        return read(() -> Optional.ofNullable(s.webhookSettings.get(tenantId)));
    }

    @Override
    public Optional<io.crmflow.definition.LeadAutomations> leadAutomations(String tenantId) {
        return read(() -> Optional.ofNullable(s.leadAutomations.get(tenantId)));
    }

    @Override
    public Optional<ObjectType> customObjectType(String tenantId, String name) {
        return read(() -> Optional.ofNullable(s.objectTypes.get(new TenantKey(tenantId, name))));
    }

    @Override
    public Optional<WorkflowDefinition> workflow(String tenantId, String workflowId) {
        return read(() -> Optional.ofNullable(MemoryState.sortedOrEmpty(s.workflows, tenantId).get(workflowId)));
    }

    @Override
    public Map<String, WorkflowDefinition> workflows(String tenantId, Collection<String> workflowIds) {
        return read(() -> {
            Map<String, WorkflowDefinition> found = new HashMap<>();
            var current = MemoryState.sortedOrEmpty(s.workflows, tenantId);
            workflowIds.stream().filter(current::containsKey).forEach(id -> found.put(id, current.get(id)));
            return found;
        });
    }

    @Override
    public Optional<WorkflowDefinition> workflowVersion(String tenantId, String workflowId, long version) {
        return read(() -> Optional.ofNullable(s.workflowVersions.get(new VersionKey(tenantId, workflowId, version))));
    }

    @Override
    public Page<WorkflowDefinition> workflows(String tenantId, String cursor, int limit) {
        return read(() -> KeyPaging.page(MemoryState.sortedOrEmpty(s.workflows, tenantId),
                "workflows|" + tenantId, cursor, limit));
    }

    @Override
    public List<WorkflowDefinition> triggeredWorkflows(String tenantId, String objectType) {
        return read(() -> List.copyOf(MemoryState.sortedOrEmpty(s.triggers, new TenantKey(tenantId, objectType)).values()));
    }

    @Override
    public Optional<CrmList> list(String tenantId, String listId) {
        return read(() -> Optional.ofNullable(s.lists.get(new TenantKey(tenantId, listId))));
    }

    @Override
    public Page<CrmList> lists(String tenantId, String cursor, int limit) {
        return read(() -> {
            java.util.TreeMap<String, CrmList> sorted = new java.util.TreeMap<>();
            s.lists.forEach((key, list) -> {
                if (key.tenantId().equals(tenantId)) {
                    sorted.put(list.id(), list);
                }
            });
            return KeyPaging.page(sorted, "lists|" + tenantId, cursor, limit);
        });
    }

    @Override
    public Optional<Pipeline> pipeline(String tenantId, String objectType, String pipelineId) {
        return read(() -> Optional.ofNullable(
                MemoryState.sortedOrEmpty(s.pipelines, new TenantKey(tenantId, objectType)).get(pipelineId)));
    }

    @Override
    public List<Pipeline> pipelines(String tenantId, String objectType) {
        return read(() -> List.copyOf(MemoryState.sortedOrEmpty(s.pipelines, new TenantKey(tenantId, objectType)).values()));
    }

    @Override
    public Optional<io.crmflow.model.TicketEmailRules> ticketEmailRules(String tenantId, String pipelineId) {
        return read(() -> Optional.ofNullable(s.ticketEmailRules.get(new TenantKey(tenantId, pipelineId))));
    }

    @Override
    public Optional<io.crmflow.definition.EmailTemplate> emailTemplate(String tenantId, String templateId) {
        return read(() -> Optional.ofNullable(s.emailTemplates.get(new TenantKey(tenantId, templateId))));
    }

    @Override
    public List<io.crmflow.definition.ActionComment> actionComments(String tenantId, String workflowId) {
        return read(() -> List.copyOf(MemoryState.sortedOrEmpty(s.comments, new TenantKey(tenantId, workflowId)).values()));
    }

    // --- EnrollmentStore

    @Override
    public Optional<Enrollment> enrollment(String tenantId, String enrollmentId) {
        return read(() -> Optional.ofNullable(s.enrollments.get(new TenantKey(tenantId, enrollmentId))));
    }

    @Override
    public Optional<Enrollment> enrollmentOf(String tenantId, String workflowId, RecordRef record) {
        return read(() -> Optional.ofNullable(s.slot(new SlotKey(tenantId, workflowId, record)))
                .map(slot -> s.enrollments.get(new TenantKey(tenantId, slot.enrollmentId()))));
    }

    @Override
    public Page<HistoryEntry> history(String tenantId, String enrollmentId, String cursor, int limit) {
        return read(() -> KeyPaging.page(
                MemoryState.sortedOrEmpty(s.history, new TenantKey(tenantId, enrollmentId)).descendingMap(),
                "history|" + tenantId + "|" + enrollmentId, cursor, limit));
    }

    @Override
    public Page<Enrollment> enrollmentsOf(String tenantId, String workflowId, String cursor, int limit) {
        return read(() -> KeyPaging.page(
                MemoryState.sortedOrEmpty(s.enrollmentsByWorkflow, new TenantKey(tenantId, workflowId)).descendingMap(),
                "enrollments|" + tenantId + "|" + workflowId, cursor, limit));
    }

    @Override
    public Map<String, Long> counters(String tenantId, String workflowId) {
        return read(() -> Map.copyOf(s.counters.getOrDefault(new TenantKey(tenantId, workflowId), Map.of())));
    }

    @Override
    public List<DueStep> dueSteps(Instant now, int limit) {
        KeyPaging.requireLimit(limit);
        return read(() -> s.due.dueBy(now, limit).stream()
                .map(key -> {
                    Enrollment e = s.enrollments.get(key);
                    return new DueStep(e.tenantId(), e.id(), e.seq(), s.sweepAt.getOrDefault(key, e.dueAt()),
                            s.resends.getOrDefault(key, 0), s.failures.getOrDefault(key, 0));
                })
                .toList());
    }

    @Override
    public boolean rearm(DueStep step, Instant newDue) {
        return write(() -> {
            TenantKey key = new TenantKey(step.tenantId(), step.enrollmentId());
            Enrollment e = s.enrollments.get(key);
            if (e == null || e.seq() != step.seq() || e.status().terminal() || e.dueAt() == null
                    || !s.sweepAt.getOrDefault(key, e.dueAt()).equals(step.dueAt())) {
                return false;
            }
            s.sweepAt.put(key, newDue);
            s.due.place(key, newDue);
            s.resends.merge(key, 1, Integer::sum);
            return true;
        });
    }

    @Override
    public void recordFailure(String tenantId, String enrollmentId, long seq) {
        write(() -> {
            TenantKey key = new TenantKey(tenantId, enrollmentId);
            Enrollment e = s.enrollments.get(key);
            if (e != null && e.seq() == seq && !e.status().terminal()) {
                s.failures.merge(key, 1, Integer::sum);
            }
            return null;
        });
    }

    @Override
    public Optional<io.crmflow.engine.Backfill> backfill(String tenantId, String workflowId) {
        return read(() -> Optional.ofNullable(s.backfills.get(new TenantKey(tenantId, workflowId))));
    }

    @Override
    public List<io.crmflow.engine.Backfill> dueBackfills(Instant now, int limit) {
        KeyPaging.requireLimit(limit);
        return read(() -> s.backfills.values().stream()
                .filter(b -> !b.state().ended() && MemoryState.dueBy(b.dueAt(), now))
                .sorted(Comparator.comparingLong((io.crmflow.engine.Backfill b) -> b.dueAt().toEpochMilli())
                        .thenComparing(b -> b.tenantId() + "#" + b.workflowId()))
                .limit(limit)
                .toList());
    }

    // --- EffectLedger

    @Override
    public Claim claim(String tenantId, String key, Instant now, Instant expiresAt) {
        return write(() -> {
            TenantKey k = new TenantKey(tenantId, key);
            MemoryState.Effect held = s.effects.get(k);
            if (held == null || (!held.done() && held.claimExpiresAtMillis() < now.toEpochMilli())) {
                s.effects.put(k, new MemoryState.Effect(null, expiresAt.toEpochMilli()));
                return new Claim.Acquired();
            }
            return held.done() ? new Claim.AlreadyDone(held.result())
                    : new Claim.InProgress(Instant.ofEpochMilli(held.claimExpiresAtMillis()));
        });
    }

    @Override
    public void complete(String tenantId, String key, String result) {
        if (result == null) {
            throw new IllegalArgumentException("an effect's result is required; use \"\" when it returned nothing");
        }
        write(() -> {
            TenantKey k = new TenantKey(tenantId, key);
            if (!s.effects.containsKey(k)) {
                throw new IllegalStateException("effect " + key + " was never claimed, so it cannot be completed");
            }
            s.effects.put(k, new MemoryState.Effect(result, 0));
            return null;
        });
    }

    @Override
    public void release(String tenantId, String key) {
        write(() -> {
            TenantKey k = new TenantKey(tenantId, key);
            MemoryState.Effect held = s.effects.get(k);
            if (held != null && !held.done()) {
                s.effects.remove(k);
            }
            return null;
        });
    }

    @Override
    public Optional<String> result(String tenantId, String key) {
        return read(() -> Optional.ofNullable(s.effects.get(new TenantKey(tenantId, key)))
                .map(MemoryState.Effect::result));
    }

    // --- Outbox

    @Override
    public List<OutboxEntry> dueEvents(Instant now, int limit) {
        KeyPaging.requireLimit(limit);
        return read(() -> s.outbox.values().stream()
                .filter(o -> MemoryState.dueBy(o.dueAt(), now))
                .sorted(Comparator.comparingLong((OutboxEntry o) -> o.dueAt().toEpochMilli())
                        .thenComparing(o -> o.event().tenantId() + "#" + o.event().eventId()))
                .limit(limit)
                .toList());
    }

    @Override
    public void remove(String tenantId, String eventId) {
        write(() -> s.outbox.remove(new TenantKey(tenantId, eventId)));
    }

    // --- PeopleStore

    @Override
    public Optional<User> user(String tenantId, String userId) {
        return read(() -> Optional.ofNullable(MemoryState.sortedOrEmpty(s.users, tenantId).get(userId)));
    }

    @Override
    public Optional<Team> team(String tenantId, String teamId) {
        return read(() -> Optional.ofNullable(MemoryState.sortedOrEmpty(s.teams, tenantId).get(teamId)));
    }

    @Override
    public List<User> users(String tenantId, Collection<String> userIds) {
        return read(() -> found(MemoryState.sortedOrEmpty(s.users, tenantId), userIds));
    }

    @Override
    public List<Team> teams(String tenantId, Collection<String> teamIds) {
        return read(() -> found(MemoryState.sortedOrEmpty(s.teams, tenantId), teamIds));
    }

    private static <V> List<V> found(Map<String, V> byId, Collection<String> ids) {
        List<V> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional.ofNullable(byId.get(id)).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Page<User> users(String tenantId, String cursor, int limit) {
        return read(() -> KeyPaging.page(MemoryState.sortedOrEmpty(s.users, tenantId), "users|" + tenantId,
                cursor, limit));
    }

    @Override
    public Page<Team> teams(String tenantId, String cursor, int limit) {
        return read(() -> KeyPaging.page(MemoryState.sortedOrEmpty(s.teams, tenantId), "teams|" + tenantId,
                cursor, limit));
    }

    @Override
    public Page<Notification> notifications(String tenantId, String userId, String cursor, int limit) {
        return read(() -> KeyPaging.page(
                MemoryState.sortedOrEmpty(s.notifications, new TenantKey(tenantId, userId)).descendingMap(),
                "notifications|" + tenantId + "|" + userId, cursor, limit));
    }

    // --- JourneyStore

    @Override
    public Optional<io.crmflow.journey.Journey> journey(String tenantId, String journeyId) {
        return read(() -> s.journeys.journey(tenantId, journeyId));
    }

    @Override
    public Page<io.crmflow.journey.Journey> journeys(String tenantId, String cursor, int limit) {
        return read(() -> s.journeys.journeys(tenantId, cursor, limit));
    }

    @Override
    public Optional<io.crmflow.journey.JourneyDefinition> journeyDefinition(String tenantId, String journeyId,
                                                                           long version) {
        return read(() -> s.journeys.definition(tenantId, journeyId, version));
    }

    @Override
    public Optional<io.crmflow.journey.JourneyVersion> journeyVersion(String tenantId, String journeyId, long version) {
        return read(() -> s.journeys.version(tenantId, journeyId, version));
    }

    @Override
    public Page<io.crmflow.journey.JourneyVersion> journeyVersions(String tenantId, String journeyId, String cursor,
                                                                  int limit) {
        return read(() -> s.journeys.versions(tenantId, journeyId, cursor, limit));
    }

    @Override
    public Page<io.crmflow.journey.StageVersion> stageVersions(String tenantId, String journeyId, String stageId,
                                                              String cursor, int limit) {
        return read(() -> s.journeys.stageVersions(tenantId, journeyId, stageId, cursor, limit));
    }

    @Override
    public Optional<String> eligibilityHolder(String tenantId, String key) {
        return read(() -> s.journeys.eligibilityHolder(tenantId, key));
    }

    @Override
    public long journeysOwned(String tenantId, String userId) {
        return read(() -> s.journeys.owned(tenantId, userId));
    }

    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> writing) {
        lock.writeLock().lock();
        try {
            return writing.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
