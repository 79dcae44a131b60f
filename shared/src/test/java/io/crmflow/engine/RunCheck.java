package io.crmflow.engine;

import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.RecordRef;
import io.crmflow.store.Page;
import io.crmflow.store.memory.InMemoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a finished exactly-once run contact by contact against its {@link ContactPlan}: the
 * emails it got, how its enrollment ended, and that enrollment's history. Reads only.
 */
final class RunCheck {
    private static final Set<Kind> TERMINAL = Set.of(Kind.COMPLETED, Kind.UNENROLLED, Kind.FAILED);
    private final InMemoryStore store;
    private final String tenantId;
    private final String workflowId;
    private final Map<String, List<FaultyPorts.Sent>> byRecipient;

    RunCheck(InMemoryStore store, String tenantId, String workflowId, Collection<FaultyPorts.Sent> emails) {
        this.store = store;
        this.tenantId = tenantId;
        this.workflowId = workflowId;
        this.byRecipient = emails.stream().collect(Collectors.groupingBy(s -> s.email().to()));
    }

    /** One line per recipient who did not get exactly the emails the plan says: one, or none. */
    List<String> emailProblems(List<ContactPlan> contacts) {
        List<String> problems = new ArrayList<>();
        Set<String> known = contacts.stream().map(ContactPlan::email).collect(Collectors.toSet());
        byRecipient.keySet().stream().filter(to -> !known.contains(to))
                .forEach(to -> problems.add("email to " + to + ", who is no contact of the run"));
        for (ContactPlan c : contacts) {
            int got = byRecipient.getOrDefault(c.email(), List.of()).size();
            int wanted = c.getsEmail() ? 1 : 0;
            if (got != wanted) {
                problems.add(c.describe() + ": got " + got + " emails, expected " + wanted);
            }
        }
        return problems;
    }

    /** One line per thing wrong with the contacts' enrollments and their histories. */
    List<String> enrollmentProblems(List<ContactPlan> contacts) {
        List<String> problems = new ArrayList<>();
        for (ContactPlan c : contacts) {
            Optional<Enrollment> found = store.enrollmentOf(tenantId, workflowId, new RecordRef("contact", c.id()));
            if (found.isPresent() != c.enrolled()) {
                problems.add(c.describe() + (c.enrolled() ? ": never enrolled" : ": enrolled though it met the goal "
                        + "or was suppressed before its creation was handled"));
                continue;
            }
            found.ifPresent(e -> problems.addAll(enrollmentProblems(c, e,
                    byRecipient.getOrDefault(c.email(), List.of()))));
        }
        return problems;
    }

    /** @param got the emails sent to the contact, one of which its history must record with its message id */
    private List<String> enrollmentProblems(ContactPlan c, Enrollment e, List<FaultyPorts.Sent> got) {
        List<String> problems = new ArrayList<>();
        EnrollmentStatus wanted = c.leavesBy() == null ? EnrollmentStatus.COMPLETED : EnrollmentStatus.UNENROLLED;
        if (e.status() != wanted) {
            problems.add(c.describe() + ": enrollment " + e.status() + ", expected " + wanted);
        }
        List<HistoryEntry> lines = history(store, tenantId, e.id());
        String where = c.describe() + ", history " + lines.stream().map(h -> h.index() + " " + h.kind() + " "
                + h.actionId() + ": " + h.detail()).toList() + ": ";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).index() != i) {
                problems.add(where + "line " + i + " is numbered " + lines.get(i).index());
            }
        }
        if (lines.isEmpty() || lines.get(0).kind() != Kind.ENROLLED
                || lines.stream().filter(h -> h.kind() == Kind.ENROLLED).count() != 1) {
            problems.add(where + "does not start with its one enrollment line");
        }
        List<HistoryEntry> ends = lines.stream().filter(h -> TERMINAL.contains(h.kind())).toList();
        if (ends.size() != 1 || lines.get(lines.size() - 1) != ends.get(0)
                || !ends.get(0).kind().name().equals(e.status().name())) {
            problems.add(where + "does not end with one line of its status " + e.status());
        }
        Set<String> actionLines = new HashSet<>();
        lines.stream().filter(h -> h.actionId() != null).forEach(h -> {
            if (!actionLines.add(h.kind() + " " + h.actionId())) {
                problems.add(where + "line " + h.index() + " repeats " + h.kind() + " of '" + h.actionId() + "'");
            }
        });
        // Only a contact whose first step came late (its messages lost) may leave before the branch.
        boolean branched = lines.stream().anyMatch(h -> h.kind() == Kind.BRANCH_TAKEN);
        if (branched ? lines.stream().noneMatch(h -> h.kind() == Kind.BRANCH_TAKEN
                && h.detail().equals(c.route().branchLine)) : e.status() != EnrollmentStatus.UNENROLLED) {
            problems.add(where + "no line says \"" + c.route().branchLine + "\"");
        }
        if (c.leavesBy() != null && !ends.isEmpty() && !ends.get(0).detail().equals(leftBecause(c.leavesBy()))) {
            problems.add(where + "left for another reason than \"" + leftBecause(c.leavesBy()) + "\"");
        }
        if (got.size() == 1 && lines.stream().noneMatch(h -> h.kind() == Kind.ACTION_EXECUTED
                && c.route().mailAction.equals(h.actionId())
                && h.detail().endsWith("(message id " + got.get(0).messageId() + ")"))) {
            problems.add(where + "no line records the email sent, message id " + got.get(0).messageId());
        }
        return problems;
    }

    /** The history's last line when an enrollment of the run left by the goal or by its suppression list. */
    static String leftBecause(UnenrollmentRules.Cause cause) {
        if (cause == UnenrollmentRules.Cause.GOAL) {
            return "met the workflow's goal";
        }
        if (cause == UnenrollmentRules.Cause.SUPPRESSION) {
            return "on suppression list 'do-not-contact'";
        }
        throw new IllegalArgumentException("the run's contacts leave only by goal or suppression, not " + cause);
    }

    /** An enrollment's whole history, oldest first. */
    static List<HistoryEntry> history(InMemoryStore store, String tenantId, String enrollmentId) {
        List<HistoryEntry> newestFirst = new ArrayList<>();
        String cursor = null;
        do {
            Page<HistoryEntry> page = store.history(tenantId, enrollmentId, cursor, 100);
            newestFirst.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
