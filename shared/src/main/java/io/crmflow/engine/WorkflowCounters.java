package io.crmflow.engine;

import io.crmflow.store.Write;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The counters kept per workflow, each incremented in the same commit as the change it counts,
 * so a redelivered message can never count twice.
 */
public final class WorkflowCounters {
    public static final String ENROLLED = "enrolled";

    private WorkflowCounters() {
    }

    static Write.IncrementCounter enrolled(Enrollment e) {
        return new Write.IncrementCounter(e.tenantId(), e.workflowId(), ENROLLED, e.id());
    }

    /** The counter of the terminal status an enrollment just reached (completed, unenrolled, failed). */
    static Write.IncrementCounter ended(Enrollment e) {
        return new Write.IncrementCounter(e.tenantId(), e.workflowId(), e.status().name().toLowerCase(Locale.ROOT),
                e.id());
    }

    /** Why an enrollment left early, counted apart (R-WF-15: by goal, by suppression …). */
    static Write.IncrementCounter unenrolledBy(Enrollment e, UnenrollmentRules.Cause cause) {
        return new Write.IncrementCounter(e.tenantId(), e.workflowId(), cause.counterName(), e.id());
    }

    /**
     * The figures a workflow's details show: every counter, each terminal status (zero when
     * never reached), and how many enrollments are still under way.
     */
    public static Map<String, Long> summary(Map<String, Long> counters) {
        Map<String, Long> out = new LinkedHashMap<>();
        long enrolled = counters.getOrDefault(ENROLLED, 0L);
        long ended = 0;
        out.put(ENROLLED, enrolled);
        for (EnrollmentStatus status : EnrollmentStatus.values()) {
            if (status.terminal()) {
                String name = status.name().toLowerCase(Locale.ROOT);
                long n = counters.getOrDefault(name, 0L);
                out.put(name, n);
                ended += n;
            }
        }
        out.put("active", enrolled - ended);
        for (UnenrollmentRules.Cause cause : UnenrollmentRules.Cause.values()) {
            out.put(cause.counterName(), counters.getOrDefault(cause.counterName(), 0L));
        }
        return out;
    }

    /**
     * A workflow's details page (R-WF-12, R-WF-15): its counts — enrolled, active, each ending,
     * unenrolled by goal and by suppression apart — and its goal figures with the conversion rate.
     */
    public static Map<String, Object> details(io.crmflow.definition.WorkflowDefinition wf, Map<String, Long> counters) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflowId", wf.id());
        out.put("name", wf.name());
        out.put("enabled", wf.enabled());
        out.put("version", wf.version());
        out.put("counts", summary(counters));
        out.put("goal", Goals.summary(wf, counters));
        return out;
    }
}
