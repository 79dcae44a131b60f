package io.crmflow.store;

import io.crmflow.definition.CrmList;
import io.crmflow.engine.Backfill;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Tenant;
import io.crmflow.model.WebhookSettings;
import java.time.Instant;

/**
 * One write of an atomic commit. The engine decides a list of these; {@link TransactionalWriter}
 * applies all or none. Each carries its own condition, so a decision made on stale reads fails
 * instead of overwriting.
 */
public sealed interface Write {

    /** Creates the tenant; fails if it exists. */
    record PutTenant(Tenant tenant) implements Write {
    }

    /**
     * Creates or replaces a tenant's webhook settings (one item beside the tenant). The signing
     * secret goes by reference only: settings still holding the secret itself are refused, so no
     * save can put a secret back into the table.
     */
    record PutWebhookSettings(String tenantId, WebhookSettings settings) implements Write {
        public PutWebhookSettings {
            if (settings.holdsSecretInline()) {
                throw new IllegalArgumentException("webhook settings are saved with the signing secret's reference, "
                        + "never the secret: put it in the secret store first");
            }
        }
    }

    /** Creates or replaces a custom object type's schema. */
    record PutObjectType(String tenantId, ObjectType type) implements Write {
    }

    /**
     * Writes a record. {@code expectedVersion} 0 means "create; fail if it exists", otherwise
     * "replace; fail unless the stored version is this one".
     */
    record PutRecord(CrmRecord record, long expectedVersion) implements Write {
    }

    /** Stores an association in both directions. */
    record PutAssociation(String tenantId, Association association) implements Write {
    }

    /**
     * Keeps one change of the record's pipeline, stage or lifecycle stage beside the record
     * (see {@link io.crmflow.model.StageChange}). Fails if that change was kept before.
     */
    record AppendStageChange(String tenantId, RecordRef record, io.crmflow.model.StageChange change) implements Write {
    }

    /**
     * Remembers that a change made inside the table (no outside effect) was made for
     * {@code key}, in the commit that makes it: fails if it was made before, so a redelivered
     * event changes nothing twice. Shares the effect ledger's items (see {@link EffectLedger}).
     */
    record PutEffectDone(String tenantId, String key, String result, Instant at) implements Write {
    }

    /** Adds or removes a record from a static list (both the member item and the record's own marker). */
    record PutListMembership(String tenantId, String listId, RecordRef member, boolean isMember) implements Write {
    }

    record PutList(String tenantId, CrmList list) implements Write {
    }

    record PutPipeline(String tenantId, Pipeline pipeline) implements Write {
    }

    /** Creates or replaces a ticket pipeline's status-from-email rules (R-PIPE-3). */
    record PutTicketEmailRules(String tenantId, io.crmflow.model.TicketEmailRules rules) implements Write {
    }

    /** Creates or replaces the tenant's own text of a default email (R-PIPE-6). */
    record PutEmailTemplate(String tenantId, io.crmflow.definition.EmailTemplate template) implements Write {
    }

    /** Leaves a comment on a workflow's action (R-PIPE-2), beside the workflow; fails if its id was used. */
    record PutActionComment(String tenantId, io.crmflow.definition.ActionComment comment) implements Write {
    }

    /**
     * Saves the templated automations of the tenant's default lead pipeline (R-LEAD-6), at
     * {@code automations.version()}. {@code expectedVersion} 0 means "none saved yet; fail if
     * some are", otherwise "fail unless the saved ones are at this version".
     */
    record PutLeadAutomations(String tenantId, io.crmflow.definition.LeadAutomations automations,
                              long expectedVersion) implements Write {
    }

    /**
     * Saves a workflow version: the current definition (conditional on {@code expectedVersion},
     * 0 for a new workflow), an immutable copy of this version, and its trigger-index entry
     * (present only while enabled with criteria). Every save needs a version not saved before,
     * and a workflow keeps the object type it was created with (the trigger index is keyed by
     * it); a save breaking either rule fails like a stale one.
     */
    record PutWorkflow(WorkflowDefinition workflow, long expectedVersion) implements Write {
    }

    /**
     * Writes an enrollment. {@code expectedVersion} 0 creates it and claims the record's slot
     * in the workflow, failing if the record was ever enrolled there; otherwise it replaces
     * the enrollment only if the stored version is the expected one. An enrollment written in a
     * terminal status also frees the slot (no longer live), so the record may be re-enrolled.
     */
    record PutEnrollment(Enrollment enrollment, long expectedVersion) implements Write {
    }

    /**
     * Enrolls a record again in a workflow it left (R-WF-3): creates the new enrollment and
     * claims the record's slot, only if the slot is not live and still at {@code seenCount} — so
     * of two handlers racing on one record, one re-enrolls it and the other conflicts.
     */
    record Reenroll(Enrollment enrollment, int seenCount) implements Write {
    }

    record AppendHistory(String tenantId, HistoryEntry entry) implements Write {
    }

    /**
     * Adds one to a workflow's counter (enrolled, completed …). Counting in the same commit as the
     * change it counts keeps the figures exact under redelivery: a repeated commit fails whole.
     *
     * @param spreadBy what the count is about (the enrollment id): a store may use it to spread
     *                 one counter over several items, so that enrollments committing at the same
     *                 moment do not all contend for one item
     */
    record IncrementCounter(String tenantId, String workflowId, String counter, String spreadBy) implements Write {
    }

    /**
     * Remembers a mark of the record in a workflow (see {@link WorkflowMark}). A goal is met once:
     * the write fails if the record met it before. A marketing mark may be raised to a later goal
     * generation, never written twice for one.
     */
    record PutWorkflowMark(String tenantId, io.crmflow.model.RecordRef record, WorkflowMark mark) implements Write {
    }

    /** Puts an event in the outbox, to be published after the commit (see {@link Outbox}). */
    record EnqueueEvent(CrmEvent event, Instant dueAt) implements Write {
    }

    /**
     * Writes a workflow's backfill job (R-WF-8). {@code expectedVersion} 0 creates it, failing if
     * the workflow has one; otherwise it replaces the job only if the stored version is that one.
     */
    record PutBackfill(Backfill backfill, long expectedVersion) implements Write {
    }

    /** Creates or replaces one of the tenant's users. */
    record PutUser(String tenantId, io.crmflow.model.User user) implements Write {
    }

    /** Creates or replaces one of the tenant's teams. */
    record PutTeam(String tenantId, io.crmflow.model.Team team) implements Write {
    }

    /**
     * Leaves an in-app notification for a user; fails if one with its id exists, so a step
     * decided twice cannot leave it twice.
     */
    record PutNotification(String tenantId, io.crmflow.model.Notification notification) implements Write {
    }
    /**
     * The writes of customer journeys (R-JRN), which the stores apply apart from the rest: each is
     * one journey partition's item or a tenant-wide guard of a journey rule.
     */
    sealed interface JourneyWrite extends Write {
    }

    /**
     * Saves a journey with a new version of it (R-JRN-10, R-JRN-12): the journey (conditional on
     * {@code expectedVersion}, 0 for a new journey), the version's history entry, its definition
     * and one entry per stage it changed. {@code journey.version()} must be {@code version.number()},
     * a number not used before.
     */
    record PutJourney(io.crmflow.journey.Journey journey, long expectedVersion,
                      io.crmflow.journey.JourneyVersion version, io.crmflow.journey.JourneyDefinition definition)
            implements JourneyWrite {
        public PutJourney {
            if (journey.version() != version.number()) {
                throw new IllegalArgumentException("journey " + journey.id() + " is saved at version " + journey.version()
                        + " with version " + version.number() + " of its history");
            }
        }
    }

    /**
     * Holds an {@link io.crmflow.journey.EligibilityKey} for a journey (R-JRN-3): fails if another
     * journey of the tenant holds it; holding it again is a no-op.
     */
    record ClaimEligibility(String tenantId, String key, String journeyId) implements JourneyWrite {
    }

    /** Lets go of an eligibility key; fails unless this journey holds it. */
    record ReleaseEligibility(String tenantId, String key, String journeyId) implements JourneyWrite {
    }

    /**
     * Counts one more journey owned by a user (R-JRN-9); fails when the user owns {@code max}
     * already, so two journeys created at once cannot both pass the limit.
     */
    record CountOwnedJourney(String tenantId, String userId, int max) implements JourneyWrite {
    }
}
