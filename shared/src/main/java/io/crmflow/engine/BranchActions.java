package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.filter.Condition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.FilterContext;
import io.crmflow.filter.Filters;
import io.crmflow.filter.Operator;
import java.util.List;

/** Decides branches through the filter engine, so criteria mean the same here as in triggers. */
final class BranchActions {
    private BranchActions() {
    }

    static StepDecision branch(StepDraft step, Action.Branch a, FilterContext context) {
        for (Action.BranchPath path : a.paths()) {
            if (Filters.matches(path.criteria(), context)) {
                step.log(Kind.BRANCH_TAKEN, a.id(), BranchLines.pathTaken(path.name()));
                return step.moveTo(path.next());
            }
        }
        step.log(Kind.BRANCH_TAKEN, a.id(), BranchLines.noPathMatched());
        return step.moveTo(a.next());
    }

    /** Compared through the filter engine, so "10" equals "10.0" on a number and case is ignored on text. */
    static StepDecision valueBranch(StepDraft step, Action.ValueBranch a, FilterContext context) {
        for (Action.ValueCase c : a.cases()) {
            Filter equals = Filter.allOf(new Condition.OnProperty(a.property(), Operator.EQ, List.of(c.value())));
            if (Filters.matches(equals, context)) {
                step.log(Kind.BRANCH_TAKEN, a.id(), BranchLines.valueTaken(a.property(), c.value()));
                return step.moveTo(c.next());
            }
        }
        step.log(Kind.BRANCH_TAKEN, a.id(), BranchLines.noValueMatched(a.property()));
        return step.moveTo(a.next());
    }
}
