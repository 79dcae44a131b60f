package io.crmflow.bench.load;

import io.crmflow.engine.Enrollment;
import io.crmflow.engine.EnrollmentStatus;
import io.crmflow.engine.HistoryEntry;
import io.crmflow.store.EnrollmentStore;
import io.crmflow.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The workflow's enrollments as the table holds them after the run, read through the engine's
 * own store (the enrollment listing and each enrollment's history), with what the checks need:
 * how many, in which status, which records entered more than once, and when each one's first
 * action ran. Immutable.
 *
 * @param statuses       enrollments by status
 * @param enrolledTwice  enrollments whose history holds more than one ENROLLED line, plus records
 *                       listed under more than one enrollment, plus enrollments the workflow's
 *                       counter holds beyond those listed
 * @param firstActionAt  when each enrolled contact's first action ran, by contact id
 * @param neverActed     enrollments whose history holds no action at all
 * @param unfinished     a few enrollments that did not complete, with their status and history, to look into
 */
record EnrollmentAudit(Map<EnrollmentStatus, Integer> statuses, int enrolledTwice, Map<String, Instant> firstActionAt,
                       int neverActed, List<String> unfinished) {
    private static final int UNFINISHED_SHOWN = 5;
    private static final int PAGE = 100;
    private static final int READERS = 4;

    EnrollmentAudit {
        statuses = Map.copyOf(statuses);
        firstActionAt = Map.copyOf(firstActionAt);
        unfinished = List.copyOf(unfinished);
    }

    int enrollments() {
        return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }

    int count(EnrollmentStatus status) {
        return statuses.getOrDefault(status, 0);
    }

    /** Enrollments neither finished nor waiting on a timer or an event: nothing will ever move them on. */
    int stuck() {
        return statuses.entrySet().stream().filter(e -> !e.getKey().terminal() && !e.getKey().waits())
                .mapToInt(Map.Entry::getValue).sum();
    }

    static EnrollmentAudit read(EnrollmentStore store, String tenant, String workflowId) throws Exception {
        List<Enrollment> enrollments = new ArrayList<>();
        String cursor = null;
        do {
            Page<Enrollment> page = store.enrollmentsOf(tenant, workflowId, cursor, PAGE);
            enrollments.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        Map<EnrollmentStatus, Integer> statuses = new EnumMap<>(EnrollmentStatus.class);
        Set<String> records = new HashSet<>();
        int twice = 0;
        for (Enrollment e : enrollments) {
            statuses.merge(e.status(), 1, Integer::sum);
            twice += records.add(e.record().objectType() + "/" + e.record().id()) ? 0 : 1;
        }
        long counted = store.counters(tenant, workflowId).getOrDefault("enrolled", 0L);
        twice += (int) Math.max(0, counted - enrollments.size());

        Map<String, Instant> firstActionAt = new HashMap<>();
        int neverActed = 0;
        List<String> unfinished = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<List<HistoryEntry>>> histories = new ArrayList<>();
            for (Enrollment e : enrollments) {
                histories.add(readers.submit(() -> history(store, tenant, e.id())));
            }
            for (int i = 0; i < enrollments.size(); i++) {
                List<HistoryEntry> history = histories.get(i).get();
                twice += history.stream().filter(h -> h.kind() == HistoryEntry.Kind.ENROLLED).count() > 1 ? 1 : 0;
                Optional<HistoryEntry> first = history.stream().filter(h -> h.kind() != HistoryEntry.Kind.ENROLLED)
                        .min(Comparator.comparingLong(HistoryEntry::index));
                Enrollment e = enrollments.get(i);
                if (e.status() != EnrollmentStatus.COMPLETED && unfinished.size() < UNFINISHED_SHOWN) {
                    unfinished.add(e.id() + " " + e.status() + " seq " + e.seq() + " due " + e.dueAt() + ": "
                            + history.stream().sorted(Comparator.comparingLong(HistoryEntry::index))
                            .map(h -> h.kind() + "@" + h.at()).toList());
                }
                if (first.isPresent()) {
                    firstActionAt.put(enrollments.get(i).record().id(), first.get().at());
                } else {
                    neverActed++;
                }
            }
        } finally {
            readers.shutdownNow();
        }
        return new EnrollmentAudit(statuses, twice, firstActionAt, neverActed, unfinished);
    }

    private static List<HistoryEntry> history(EnrollmentStore store, String tenant, String enrollmentId) {
        List<HistoryEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            Page<HistoryEntry> page = store.history(tenant, enrollmentId, cursor, PAGE);
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return entries;
    }
}
