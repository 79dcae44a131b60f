package io.crmflow.engine;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The triggered workflows of a tenant and object type as read for one event, with the index
 * that fits them: which of them an event is evaluated against. Holds the list as read, not a
 * copy — copying would cost each event as much as the index saves it — so the list must not
 * change after; the stores' lists never do.
 */
public final class TriggeredWorkflows {
    private final List<WorkflowDefinition> all;
    private final TriggerIndex index;

    TriggeredWorkflows(List<WorkflowDefinition> all, TriggerIndex index) {
        this.all = all;
        this.index = index;
    }

    public List<WorkflowDefinition> all() {
        return all;
    }

    /**
     * The workflows that could enroll the record on this event, in the order read; every other
     * one would not. Not for milestones, which go to {@link #listeningTo}.
     */
    public List<WorkflowDefinition> candidates(CrmEvent event, CrmRecord record) {
        return at(index.candidates(event, record));
    }

    /** The workflows a milestone of {@code workflowId} is evaluated against, in the order read. */
    public List<WorkflowDefinition> listeningTo(String workflowId) {
        return at(index.listeners(workflowId));
    }

    /** One of the workflows by id, without a read. */
    public Optional<WorkflowDefinition> byId(String workflowId) {
        int at = index.position(workflowId);
        return at < 0 ? Optional.empty() : Optional.of(all.get(at));
    }

    /** The index used, for the cache's tests. */
    TriggerIndex index() {
        return index;
    }

    private List<WorkflowDefinition> at(int[] positions) {
        List<WorkflowDefinition> found = new ArrayList<>(positions.length);
        for (int position : positions) {
            found.add(all.get(position));
        }
        return found;
    }
}
