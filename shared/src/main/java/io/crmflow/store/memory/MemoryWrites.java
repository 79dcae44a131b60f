package io.crmflow.store.memory;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.model.Association;
import io.crmflow.model.RecordRef;
import io.crmflow.store.OutboxEntry;
import io.crmflow.store.Write;
import io.crmflow.store.memory.MemoryState.RecordKey;
import io.crmflow.store.memory.MemoryState.SlotKey;
import io.crmflow.store.memory.MemoryState.TenantKey;
import io.crmflow.store.memory.MemoryState.VersionKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What each {@link Write} means to the in-memory store: the items it touches (to apply the
 * DynamoDB adapter's limits on size and on touching an item twice), its condition, and its
 * effect. Kept item for item in step with the adapter's codecs.
 *
 * <p>Not thread-safe: called under {@link InMemoryStore}'s write lock.
 */
final class MemoryWrites {
    private final MemoryState s;

    MemoryWrites(MemoryState state) {
        this.s = state;
    }

    /** One string per table item the write touches, equal exactly when the items are the same. */
    static List<String> items(Write write) {
        if (write instanceof Write.JourneyWrite w) {
            return MemoryJourneys.items(w);
        } else if (write instanceof Write.PutTenant w) {
            return List.of("tenant|" + w.tenant().id());
        } else if (write instanceof Write.PutObjectType w) {
            return List.of("objtype|" + w.tenantId() + "|" + w.type().name());
        } else if (write instanceof Write.PutWebhookSettings w) {
            return List.of("webhooks|" + w.tenantId());
        } else if (write instanceof Write.PutRecord w) {
            return List.of(recordItem(w.record().tenantId(), w.record().ref(), "record"));
        } else if (write instanceof Write.PutAssociation w) {
            Association a = w.association();
            String forward = recordItem(w.tenantId(), a.from(), "assoc|" + a.to());
            String backward = recordItem(w.tenantId(), a.to(), "assoc|" + a.from());
            return forward.equals(backward) ? List.of(forward) : List.of(forward, backward);
        } else if (write instanceof Write.PutListMembership w) {
            return List.of(recordItem(w.tenantId(), w.member(), "list|" + w.listId()),
                    "member|" + w.tenantId() + "|" + w.listId() + "|" + w.member());
        } else if (write instanceof Write.PutList w) {
            return List.of("listdef|" + w.tenantId() + "|" + w.list().id());
        } else if (write instanceof Write.PutPipeline w) {
            return List.of("pipeline|" + w.tenantId() + "|" + w.pipeline().objectType() + "|" + w.pipeline().id());
        } else if (write instanceof Write.PutTicketEmailRules w) {
            return List.of("ticketemailrules|" + w.tenantId() + "|" + w.rules().pipelineId());
        } else if (write instanceof Write.PutEmailTemplate w) {
            return List.of("emailtemplate|" + w.tenantId() + "|" + w.template().id());
        } else if (write instanceof Write.PutActionComment w) {
            return List.of("comment|" + w.tenantId() + "|" + w.comment().workflowId() + "|" + w.comment().id());
        } else if (write instanceof Write.PutLeadAutomations w) {
            return List.of("leadautomations|" + w.tenantId());
        } else if (write instanceof Write.PutWorkflow w) {
            WorkflowDefinition d = w.workflow();
            String wf = "workflow|" + d.tenantId() + "|" + d.id();
            return List.of(wf + "|current", wf + "|v" + d.version(),
                    "trigger|" + d.tenantId() + "|" + d.objectType() + "|" + d.id());
        } else if (write instanceof Write.PutEnrollment w) {
            Enrollment e = w.enrollment();
            String item = "enrollment|" + e.tenantId() + "|" + e.id();
            return w.expectedVersion() == 0 || e.status().terminal()
                    ? List.of(item, recordItem(e.tenantId(), e.record(), "slot|" + e.workflowId()))
                    : List.of(item);
        } else if (write instanceof Write.Reenroll w) {
            Enrollment e = w.enrollment();
            return List.of("enrollment|" + e.tenantId() + "|" + e.id(),
                    recordItem(e.tenantId(), e.record(), "slot|" + e.workflowId()));
        } else if (write instanceof Write.AppendHistory w) {
            return List.of("history|" + w.tenantId() + "|" + w.entry().enrollmentId() + "|" + w.entry().index());
        } else if (write instanceof Write.EnqueueEvent w) {
            return List.of("outbox|" + w.event().tenantId() + "|" + w.event().eventId());
        } else if (write instanceof Write.PutWorkflowMark w) {
            return List.of(recordItem(w.tenantId(), w.record(), "mark|" + markKey(w.mark())));
        } else if (write instanceof Write.AppendStageChange w) {
            return List.of(recordItem(w.tenantId(), w.record(), "change|" + MemoryState.stageChangeKey(w.change())));
        } else if (write instanceof Write.PutEffectDone w) {
            return List.of("effect|" + w.tenantId() + "|" + w.key());
        } else if (write instanceof Write.IncrementCounter w) {
            return List.of("counter|" + w.tenantId() + "|" + w.workflowId() + "|" + w.counter() + "|" + w.spreadBy());
        } else if (write instanceof Write.PutBackfill w) {
            return List.of("backfill|" + w.backfill().tenantId() + "|" + w.backfill().workflowId());
        } else if (write instanceof Write.PutUser w) {
            return List.of("user|" + w.tenantId() + "|" + w.user().id());
        } else if (write instanceof Write.PutTeam w) {
            return List.of("team|" + w.tenantId() + "|" + w.team().id());
        } else if (write instanceof Write.PutNotification w) {
            return List.of("notification|" + MemoryState.notificationItem(w.tenantId(), w.notification()));
        }
        throw new IllegalArgumentException("unknown write " + write);
    }

    /** Refuses what DynamoDB refuses before looking at any condition. */
    static void checkItems(List<Write> commit, int maxItems) {
        var firstWriteOfItem = new HashMap<String, Integer>();
        for (int i = 0; i < commit.size(); i++) {
            for (String item : items(commit.get(i))) {
                Integer earlier = firstWriteOfItem.putIfAbsent(item, i);
                if (earlier != null) {
                    throw new IllegalArgumentException("writes " + earlier + " and " + i
                            + " change the same item; a commit may touch each item once");
                }
            }
        }
        if (firstWriteOfItem.size() > maxItems) {
            throw new IllegalArgumentException("commit of " + commit.size() + " writes touches "
                    + firstWriteOfItem.size() + " items; at most " + maxItems + " can change atomically");
        }
    }

    private static String recordItem(String tenantId, RecordRef ref, String part) {
        return "rec|" + tenantId + "|" + ref + "|" + part;
    }

    /** Why the write's condition fails against the current state, or null when it holds. */
    String conflict(Write write) {
        if (write instanceof Write.JourneyWrite w) {
            return s.journeys.conflict(w);
        } else if (write instanceof Write.PutTenant w) {
            return s.tenants.containsKey(w.tenant().id()) ? "tenant " + w.tenant().id() + " already exists" : null;
        } else if (write instanceof Write.PutRecord w) {
            var stored = s.record(w.record().tenantId(), w.record().ref());
            return versionConflict("record " + w.record().ref(), stored == null ? null : stored.version(),
                    w.expectedVersion());
        } else if (write instanceof Write.PutLeadAutomations w) {
            var stored = s.leadAutomations.get(w.tenantId());
            // As the adapter's condition: settings saved at version 0 count as none saved.
            return versionConflict("lead automations", stored == null || stored.version() == 0 ? null
                    : stored.version(), w.expectedVersion());
        } else if (write instanceof Write.PutWorkflow w) {
            return workflowConflict(w);
        } else if (write instanceof Write.PutEnrollment w) {
            return enrollmentConflict(w);
        } else if (write instanceof Write.Reenroll w) {
            return reenrollConflict(w);
        } else if (write instanceof Write.PutWorkflowMark w) {
            return markConflict(w);
        } else if (write instanceof Write.AppendStageChange w) {
            return MemoryState.sortedOrEmpty(s.stageChanges, new RecordKey(w.tenantId(), w.record()))
                    .containsKey(MemoryState.stageChangeKey(w.change()))
                    ? "stage change " + w.change().eventId() + " of " + w.record() + " exists" : null;
        } else if (write instanceof Write.PutEffectDone w) {
            return s.effects.containsKey(new TenantKey(w.tenantId(), w.key())) ? "effect " + w.key() + " exists" : null;
        } else if (write instanceof Write.AppendHistory w) {
            var entries = MemoryState.sortedOrEmpty(s.history, new TenantKey(w.tenantId(), w.entry().enrollmentId()));
            return entries.containsKey(MemoryState.historyKey(w.entry().index()))
                    ? "history entry " + w.entry().index() + " of enrollment " + w.entry().enrollmentId() + " exists"
                    : null;
        } else if (write instanceof Write.PutBackfill w) {
            var stored = s.backfills.get(new TenantKey(w.backfill().tenantId(), w.backfill().workflowId()));
            return versionConflict("backfill of workflow " + w.backfill().workflowId(),
                    stored == null ? null : stored.version(), w.expectedVersion());
        } else if (write instanceof Write.PutActionComment w) {
            return MemoryState.sortedOrEmpty(s.comments, new TenantKey(w.tenantId(), w.comment().workflowId()))
                    .containsKey(MemoryState.commentKey(w.comment())) ? "comment " + w.comment().id() + " exists" : null;
        } else if (write instanceof Write.PutNotification w) {
            return s.notificationItems.contains(MemoryState.notificationItem(w.tenantId(), w.notification()))
                    ? "notification " + w.notification().id() + " of user " + w.notification().userId() + " exists"
                    : null;
        }
        return null;
    }

    private String markConflict(Write.PutWorkflowMark w) {
        var existing = MemoryState.sortedOrEmpty(s.marks, new RecordKey(w.tenantId(), w.record())).get(markKey(w.mark()));
        if (existing == null) {
            return null;
        }
        boolean raised = w.mark().kind() == io.crmflow.store.WorkflowMark.Kind.MARKETING_EMAILED
                && existing.generation() < w.mark().generation();
        return raised ? null : "record " + w.record() + " already has mark " + markKey(w.mark());
    }

    private static String markKey(io.crmflow.store.WorkflowMark m) {
        return m.workflowId() + "#" + m.kind();
    }

    private static String versionConflict(String what, Long storedVersion, long expectedVersion) {
        if (expectedVersion == 0) {
            return storedVersion == null ? null : what + " already exists";
        }
        return storedVersion != null && storedVersion == expectedVersion
                ? null : what + " is not at version " + expectedVersion;
    }

    private String workflowConflict(Write.PutWorkflow w) {
        WorkflowDefinition d = w.workflow();
        WorkflowDefinition current = MemoryState.sortedOrEmpty(s.workflows, d.tenantId()).get(d.id());
        String problem = versionConflict("workflow " + d.id(), current == null ? null : current.version(),
                w.expectedVersion());
        if (problem == null && current != null && !current.objectType().equals(d.objectType())) {
            problem = "workflow " + d.id() + " is based on " + current.objectType() + "; its object type never changes";
        }
        if (problem == null && s.workflowVersions.containsKey(new VersionKey(d.tenantId(), d.id(), d.version()))) {
            problem = "version " + d.version() + " of workflow " + d.id() + " is already saved; a save needs a new version";
        }
        return problem;
    }

    private String reenrollConflict(Write.Reenroll w) {
        Enrollment e = w.enrollment();
        if (s.enrollments.containsKey(new TenantKey(e.tenantId(), e.id()))) {
            return "enrollment " + e.id() + " already exists";
        }
        var slot = s.slot(new SlotKey(e.tenantId(), e.workflowId(), e.record()));
        if (slot == null || slot.live() || slot.count() != w.seenCount()) {
            return "record " + e.record() + " is not free to re-enroll in workflow " + e.workflowId() + " at count "
                    + w.seenCount();
        }
        return null;
    }

    private String enrollmentConflict(Write.PutEnrollment w) {
        Enrollment e = w.enrollment();
        Enrollment stored = s.enrollments.get(new TenantKey(e.tenantId(), e.id()));
        String problem = versionConflict("enrollment " + e.id(), stored == null ? null : stored.version(),
                w.expectedVersion());
        if (problem == null && w.expectedVersion() == 0
                && s.slot(new SlotKey(e.tenantId(), e.workflowId(), e.record())) != null) {
            problem = "record " + e.record() + " was already enrolled in workflow " + e.workflowId();
        }
        return problem;
    }

    void apply(Write write) {
        if (write instanceof Write.JourneyWrite w) {
            s.journeys.apply(w);
        } else if (write instanceof Write.PutTenant w) {
            s.tenants.put(w.tenant().id(), w.tenant());
        } else if (write instanceof Write.PutObjectType w) {
            s.objectTypes.put(new TenantKey(w.tenantId(), w.type().name()), w.type());
        } else if (write instanceof Write.PutWebhookSettings w) {
            s.webhookSettings.put(w.tenantId(), w.settings());
        } else if (write instanceof Write.PutLeadAutomations w) {
            s.leadAutomations.put(w.tenantId(), w.automations());
        } else if (write instanceof Write.PutRecord w) {
            s.putRecord(w.record());
        } else if (write instanceof Write.PutAssociation w) {
            Association a = w.association();
            associate(w.tenantId(), a);
            associate(w.tenantId(), a.reversed());
        } else if (write instanceof Write.PutListMembership w) {
            applyMembership(w);
        } else if (write instanceof Write.PutList w) {
            s.lists.put(new TenantKey(w.tenantId(), w.list().id()), w.list());
        } else if (write instanceof Write.PutPipeline w) {
            MemoryState.sortedIn(s.pipelines, new TenantKey(w.tenantId(), w.pipeline().objectType()))
                    .put(w.pipeline().id(), w.pipeline());
        } else if (write instanceof Write.PutTicketEmailRules w) {
            s.ticketEmailRules.put(new TenantKey(w.tenantId(), w.rules().pipelineId()), w.rules());
        } else if (write instanceof Write.PutEmailTemplate w) {
            s.emailTemplates.put(new TenantKey(w.tenantId(), w.template().id()), w.template());
        } else if (write instanceof Write.PutActionComment w) {
            MemoryState.sortedIn(s.comments, new TenantKey(w.tenantId(), w.comment().workflowId()))
                    .put(MemoryState.commentKey(w.comment()), w.comment());
        } else if (write instanceof Write.PutWorkflow w) {
            applyWorkflow(w.workflow());
        } else if (write instanceof Write.PutEnrollment w) {
            applyEnrollment(w);
        } else if (write instanceof Write.Reenroll w) {
            Enrollment e = w.enrollment();
            applyEnrollment(new Write.PutEnrollment(e, -1));
            s.putSlot(new SlotKey(e.tenantId(), e.workflowId(), e.record()),
                    new io.crmflow.store.EnrollmentSlot(e.id(), w.seenCount() + 1, !e.status().terminal()));
        } else if (write instanceof Write.AppendHistory w) {
            MemoryState.sortedIn(s.history, new TenantKey(w.tenantId(), w.entry().enrollmentId()))
                    .put(MemoryState.historyKey(w.entry().index()), w.entry());
        } else if (write instanceof Write.IncrementCounter w) {
            s.counters.computeIfAbsent(new TenantKey(w.tenantId(), w.workflowId()), k -> new java.util.TreeMap<>())
                    .merge(w.counter(), 1L, Long::sum);
        } else if (write instanceof Write.AppendStageChange w) {
            MemoryState.sortedIn(s.stageChanges, new RecordKey(w.tenantId(), w.record()))
                    .put(MemoryState.stageChangeKey(w.change()), w.change());
        } else if (write instanceof Write.PutEffectDone w) {
            s.effects.put(new TenantKey(w.tenantId(), w.key()), new MemoryState.Effect(w.result(), 0));
        } else if (write instanceof Write.PutWorkflowMark w) {
            MemoryState.sortedIn(s.marks, new RecordKey(w.tenantId(), w.record())).put(markKey(w.mark()), w.mark());
        } else if (write instanceof Write.EnqueueEvent w) {
            s.outbox.put(new TenantKey(w.event().tenantId(), w.event().eventId()), new OutboxEntry(w.event(), w.dueAt()));
        } else if (write instanceof Write.PutBackfill w) {
            s.backfills.put(new TenantKey(w.backfill().tenantId(), w.backfill().workflowId()), w.backfill());
        } else if (write instanceof Write.PutUser w) {
            MemoryState.sortedIn(s.users, w.tenantId()).put(w.user().id(), w.user());
        } else if (write instanceof Write.PutTeam w) {
            MemoryState.sortedIn(s.teams, w.tenantId()).put(w.team().id(), w.team());
        } else if (write instanceof Write.PutNotification w) {
            MemoryState.sortedIn(s.notifications, new TenantKey(w.tenantId(), w.notification().userId()))
                    .put(MemoryState.notificationOrderKey(w.notification()), w.notification());
            s.notificationItems.add(MemoryState.notificationItem(w.tenantId(), w.notification()));
        }
    }

    private void associate(String tenantId, Association a) {
        MemoryState.sortedIn(s.associations, new RecordKey(tenantId, a.from()))
                .put(MemoryState.associationKey(a.to()), a);
    }

    private void applyMembership(Write.PutListMembership w) {
        var markers = MemoryState.setIn(s.listMarkers, new RecordKey(w.tenantId(), w.member()));
        var members = MemoryState.setIn(s.listMembers, new TenantKey(w.tenantId(), w.listId()));
        if (w.isMember()) {
            markers.add(w.listId());
            members.add(MemoryState.memberKey(w.member()));
        } else {
            markers.remove(w.listId());
            members.remove(MemoryState.memberKey(w.member()));
        }
    }

    private void applyWorkflow(WorkflowDefinition d) {
        MemoryState.sortedIn(s.workflows, d.tenantId()).put(d.id(), d);
        s.workflowVersions.put(new VersionKey(d.tenantId(), d.id(), d.version()), d);
        NavigableMap<String, WorkflowDefinition> index =
                MemoryState.sortedIn(s.triggers, new TenantKey(d.tenantId(), d.objectType()));
        if (d.enabled() && !d.trigger().isManual()) {
            index.put(d.id(), d);
        } else {
            index.remove(d.id());
        }
    }

    private void applyEnrollment(Write.PutEnrollment w) {
        Enrollment e = w.enrollment();
        TenantKey key = new TenantKey(e.tenantId(), e.id());
        Enrollment previous = s.enrollments.put(key, e);
        s.sweepAt.remove(key);
        s.due.place(key, e.status().terminal() ? null : e.dueAt());
        s.resends.remove(key);
        s.failures.remove(key);
        Map<String, Enrollment> byWorkflow =
                MemoryState.sortedIn(s.enrollmentsByWorkflow, new TenantKey(e.tenantId(), e.workflowId()));
        if (previous != null) {
            MemoryState.sortedIn(s.enrollmentsByWorkflow, new TenantKey(previous.tenantId(), previous.workflowId()))
                    .remove(MemoryState.enrollmentOrderKey(previous));
        }
        byWorkflow.put(MemoryState.enrollmentOrderKey(e), e);
        SlotKey slotKey = new SlotKey(e.tenantId(), e.workflowId(), e.record());
        if (w.expectedVersion() == 0) {
            s.putSlot(slotKey, new io.crmflow.store.EnrollmentSlot(e.id(), 1, !e.status().terminal()));
        } else if (e.status().terminal()) {
            var slot = s.slot(slotKey);
            if (slot != null && slot.enrollmentId().equals(e.id())) {
                s.putSlot(slotKey, new io.crmflow.store.EnrollmentSlot(slot.enrollmentId(), slot.count(), false));
            }
        }
    }
}
