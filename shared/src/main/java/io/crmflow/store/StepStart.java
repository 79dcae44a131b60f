package io.crmflow.store;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.Enrollment;
import io.crmflow.model.CrmRecord;
import java.util.Optional;

/**
 * What a step reads before it decides: its enrollment, the current definition of the
 * enrollment's workflow, and the enrollment's record — each empty when it does not exist, the
 * last two also when the enrollment does not.
 */
public record StepStart(Optional<Enrollment> enrollment, Optional<WorkflowDefinition> workflow,
                        Optional<CrmRecord> record) {
    public static final StepStart NOTHING = new StepStart(Optional.empty(), Optional.empty(), Optional.empty());
}
