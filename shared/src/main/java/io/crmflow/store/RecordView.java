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

    public RecordView(CrmRecord record, List<Association> associations, Set<String> staticLists,
                      Map<String, EnrollmentSlot> slots, List<WorkflowMark> marks) {
        this(record, associations, staticLists, slots, marks, List.of());
    }

    public RecordView(CrmRecord record, List<Association> associations, Set<String> staticLists,
                      Map<String, EnrollmentSlot> slots) {
        this(record, associations, staticLists, slots, List.of());
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
