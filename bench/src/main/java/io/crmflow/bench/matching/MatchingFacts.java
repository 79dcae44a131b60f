package io.crmflow.bench.matching;

import io.crmflow.engine.TriggerMatch;
import io.crmflow.engine.TriggeredWorkflows;
import java.util.List;

/**
 * What matching the event against {@code workflows} workflows comes to, counted outside the timed
 * runs: how many the index has evaluated, how many it evaluates on every event, and whom each
 * way enrolls the contact in — which must be the same, or the timings compare different work.
 */
record MatchingFacts(int workflows, int candidates, int evaluatedAlways, List<String> enrolledThroughIndex,
                     List<String> enrolledByEveryWorkflow) {

    static MatchingFacts of(int workflows) {
        MatchingWorkload workload = new MatchingWorkload(workflows);
        TriggeredWorkflows triggered = workload.indexed();
        return new MatchingFacts(workflows, workload.candidates(triggered).size(),
                io.crmflow.engine.TriggerIndex.of(workload.workflows(), workload.schema()).evaluatedAlways(),
                ids(workload.enrolledThroughIndex(triggered)), ids(workload.enrolledByEveryWorkflow()));
    }

    boolean sameEnrollments() {
        return enrolledThroughIndex.equals(enrolledByEveryWorkflow);
    }

    private static List<String> ids(List<TriggerMatch.Entry> entries) {
        return entries.stream().map(e -> e.workflow().id()).toList();
    }
}
