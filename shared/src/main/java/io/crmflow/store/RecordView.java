package io.crmflow.store;

import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.StageChange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record with what is stored beside it: its associations, the static lists it belongs to,
 * the workflows it was ever enrolled in, what it is remembered for in them (goals met), and its
 * stage history, oldest first (see {@link StageChange}). The DynamoDB adapter reads all of it with one
 * Query on the record's partition, so the trigger handler learns in that one read which
 * workflows it need not try again.
 *
 * @param associations each seen from this record ({@code from} is this record), ordered by the
 *                     other record's object type, then id
 */
public record RecordView(CrmRecord record, List<Association> associations, Set<String> staticLists,
                         Map<String, EnrollmentSlot> slots, List<WorkflowMark> marks, List<StageChange> stageChanges) {
    public RecordView {
        associations = List.copyOf(associations);
        staticLists = Set.copyOf(staticLists);
        slots = Map.copyOf(slots);
        marks = marks == null ? List.of() : List.copyOf(marks);
        stageChanges = stageChanges == null ? List.of() : List.copyOf(stageChanges);
    }

    /** The record with nothing stored beside it: for decisions that read no lists, associations or workflows. */
    public static RecordView alone(CrmRecord record) {
        return new RecordView(record, List.of(), Set.of(), Map.of(), List.of(), List.of());
    }

    /**
     * The same view of {@code other}, a version of this record as it was or would be: what is
     * stored beside the record is kept, so criteria read against it see the same lists, workflows
     * and marks.
     */
    public RecordView withRecord(CrmRecord other) {
        return new RecordView(other, associations, staticLists, slots, marks, stageChanges);
    }

    /** What the record is remembered for in a workflow, if anything of that kind. */
    public java.util.Optional<WorkflowMark> mark(String workflowId, WorkflowMark.Kind kind) {
        return marks.stream().filter(m -> m.workflowId().equals(workflowId) && m.kind() == kind).findFirst();
    }

    /** The workflows the record was ever enrolled in. */
    public Set<String> enrolledWorkflows() {
        return slots.keySet();
    }
}
