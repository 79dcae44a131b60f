package io.crmflow.bench.flowable;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run left behind, counted after its clock stopped: a throughput figure means something
 * only if every enrollment completed and did the reference workflow's work exactly once. Immutable.
 *
 * @param completed           enrollments (process instances) that reached their end
 * @param propertiesSet       set-property actions that ran
 * @param contactsTitledRight contacts whose job title is the one their branch sets: Customer or Prospect
 * @param tasksCreated        CRM tasks made by the create-task action
 * @param emailsSent          emails handed to the outbound port (none leave the process)
 * @param contactsEmailedOnce contacts that were sent exactly one email
 */
record Tally(long completed, long propertiesSet, long contactsTitledRight, long tasksCreated, long emailsSent,
             long contactsEmailedOnce) {

    /** Each way this run fell short of {@code contacts} full enrollments; empty when it did them all. */
    List<String> problems(int contacts) {
        List<String> problems = new ArrayList<>();
        expect(problems, "completed enrollments", completed, contacts);
        expect(problems, "set-property actions", propertiesSet, contacts);
        expect(problems, "contacts titled Customer or Prospect by their branch", contactsTitledRight, contacts);
        expect(problems, "tasks created", tasksCreated, contacts);
        expect(problems, "emails sent", emailsSent, contacts);
        expect(problems, "contacts emailed exactly once", contactsEmailedOnce, contacts);
        return problems;
    }

    private static void expect(List<String> problems, String what, long got, int wanted) {
        if (got != wanted) {
            problems.add(what + ": " + got + ", not " + wanted);
        }
    }
}
