package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.ObjectType;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the actions that follow a step in the same run while nothing outside the table
 * happens between them — a branch, a property set, a task created, a wait started — each on the
 * enrollment and the record as the actions before it left them, all committed together. Each
 * action keeps its own step number, history line and ids (tasks, events), so the table ends up
 * holding what one step per message would have left, made at one instant; but without reading
 * the enrollment, workflow and record again, committing and queueing a message for every action.
 * The one commit is made under the enrollment's version as read, as any step's (R-RUN-5).
 *
 * <p>The chain goes on after an action that left the enrollment active at a next action and
 * made no outside effect, and stops before an action
 * <ul>
 *   <li>with an effect outside the table (an email, a webhook, a text): that is made alone,
 *       once, before its own commit;</li>
 *   <li>that reads the record's partition (a branch, the unenrollment and goal checks, an
 *       action on associated records) while the chain holds writes the table has not seen yet;</li>
 *   <li>whose writes are not all of the kinds that name items of their own (ids derived from the
 *       enrollment and step, or the record's new version), or that writes a record the chain
 *       writes already: DynamoDB changes an item once per transaction;</li>
 *   <li>that cannot be decided: it is decided again alone, in its own step, and fails there as
 *       it would have;</li>
 * </ul>
 * and after {@link #MOST_ACTIONS} actions, or when the commit would grow past
 * {@link #MOST_WRITES} writes. Stateless.
 */
final class StepChain {
    /** Bounds one run's work, and what a retried commit redoes. */
    static final int MOST_ACTIONS = 10;
    /** Writes and history lines of one commit: each write is at most two items, and a transaction takes 100. */
    static final int MOST_WRITES = 40;

    private StepChain() {
    }

    /** {@code first}, and the decisions of the actions that may follow it in the same commit. */
    static StepDecision extend(StepDecision first, StepDecider decider, WorkflowDefinition wf, CrmRecord record,
                               ObjectType schema, Instant now, StepInputs in) {
        StepDecision chain = first;
        for (int actions = 1; actions < MOST_ACTIONS && goesOnAfter(chain); actions++) {
            StepInputs inputs = chain.writes().isEmpty() ? in : in.withoutPartition();
            StepDecision next;
            try {
                next = decider.decide(chain.next(), wf, recordAsWritten(chain, record), schema, now, inputs);
            } catch (RuntimeException notHere) {
                break; // decided again alone, in its own step
            }
            if (!joins(chain, next)) {
                break;
            }
            chain = chain.then(next);
        }
        return chain;
    }

    private static boolean goesOnAfter(StepDecision d) {
        return d.effect() == null && d.next().status() == EnrollmentStatus.ACTIVE;
    }

    private static boolean joins(StepDecision chain, StepDecision next) {
        if (next.effect() != null || size(chain) + size(next) > MOST_WRITES) {
            return false;
        }
        List<RecordRef> written = recordsWritten(chain.writes());
        for (Write w : next.writes()) {
            boolean ownItem = w instanceof Write.AppendStageChange || w instanceof Write.PutAssociation
                    || w instanceof Write.EnqueueEvent || w instanceof Write.PutNotification
                    || w instanceof Write.PutRecord put && !written.contains(put.record().ref());
            if (!ownItem) {
                return false;
            }
        }
        return true;
    }

    private static int size(StepDecision d) {
        return d.writes().size() + d.history().size();
    }

    private static List<RecordRef> recordsWritten(List<Write> writes) {
        List<RecordRef> refs = new ArrayList<>();
        writes.forEach(w -> {
            if (w instanceof Write.PutRecord put) {
                refs.add(put.record().ref());
            }
        });
        return refs;
    }

    /** The enrolled record as the chain's last write of it left it; as read when the chain wrote none. */
    private static CrmRecord recordAsWritten(StepDecision chain, CrmRecord read) {
        Optional<CrmRecord> last = Optional.empty();
        for (Write w : chain.writes()) {
            if (w instanceof Write.PutRecord put && put.record().ref().equals(read.ref())) {
                last = Optional.of(put.record());
            }
        }
        return last.orElse(read);
    }
}
