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
        return out;
    }
}
