package io.crmflow.simulate;

import io.crmflow.engine.Enrollment;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.store.EnrollmentStore;
import io.crmflow.store.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One enrollment with its whole history, oldest line first: what a report reads of each record
 * that went through the workflow or journey.
 */
record EnrollmentLog(Enrollment enrollment, List<HistoryEntry> lines) {
    private static final int PAGE = 200;

    EnrollmentLog {
        lines = List.copyOf(lines);
    }

    /** Every enrollment of the workflow with its history, in the order they enrolled (then by id). */
    static List<EnrollmentLog> of(EnrollmentStore store, String tenantId, String workflowId) {
        List<EnrollmentLog> logs = new ArrayList<>();
        String cursor = null;
        do {
            Page<Enrollment> page = store.enrollmentsOf(tenantId, workflowId, cursor, PAGE);
            for (Enrollment e : page.items()) {
                logs.add(new EnrollmentLog(e, history(store, e)));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        logs.sort(Comparator.comparing((EnrollmentLog l) -> l.enrollment().enrolledAt())
                .thenComparing(l -> l.enrollment().id()));
        return logs;
    }

    private static List<HistoryEntry> history(EnrollmentStore store, Enrollment e) {
        List<HistoryEntry> newestFirst = new ArrayList<>();
        String cursor = null;
        do {
            Page<HistoryEntry> page = store.history(e.tenantId(), e.id(), cursor, PAGE);
            newestFirst.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
