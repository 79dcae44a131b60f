package io.crmflow.definition;

import io.crmflow.filter.Filter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a workflow's action graph (R-WF-4). Each action names the one that follows it;
 * a null {@code next} ends the enrollment. The engine dispatches on this family in one place
 * ({@code engine.StepDecider}).
 */
public sealed interface Action
        permits Action.SetProperty, Action.CopyProperty, Action.ClearProperty, Action.CreateTask, Action.CreateRecord,
                Action.SendEmail,
                Action.Notify,
                Action.Delay, Action.DelayUntilDate, Action.DelayUntilProperty, Action.DelayUntilDayAndTime,
                Action.Branch, Action.ValueBranch, Action.GoTo, Action.AddToList, Action.RemoveFromList,
                Action.WaitForEvent, Action.EnrollInWorkflow, Action.UnenrollFromWorkflows,
                Action.Webhook,
                JourneyNodes.Route, JourneyNodes.EnterStage, JourneyNodes.ReachEnd, JourneyNodes.Stay,
                JourneyNodes.SendText {

    String id();

    /**
     * The id of the following action, or null when this is the last. For a branch, the action
     * taken when no path matches.
     */
    String next();

    /** Every action this one may lead to, in order: the graph's edges. */
    default List<String> successors() {
        return next() == null ? List.of() : List.of(next());
    }

    /**
     * Sets a property of the enrolled record — or, with {@code on}, of every record of that object
     * type associated with it (R-WF-5: "set the contact's company's industry"); an empty value
     * clears it.
     *
     * @param on null for the enrolled record, else an object type whose associated records change
     */
    record SetProperty(String id, String property, String value, String next, String on) implements Action {
        public SetProperty(String id, String property, String value, String next) {
            this(id, property, value, next, null);
        }
    }

    /**
     * Creates a task associated with the enrolled record.
     *
     * @param dueIn how long after creation the task is due; null for no due time
     */
    record CreateTask(String id, String subject, String body, Duration dueIn, String next) implements Action {
    }

    /**
     * Sends an email to the enrolled record's {@code email} property through SES — or, on a
     * ticket, to each contact associated with it (R-PIPE-6). Subject and body may hold
     * personalisation tokens, {@code {{firstname|there}}}: the property, or the fallback after '|'
     * when it is empty. Email leaves from the deployment's verified sender; {@code from}, when
     * given and different, is where replies go.
     *
     * @param template null for the subject and body given here; else one of the default ticket
     *                 emails ({@link EmailTemplate}), transactional, whose text the tenant keeps
     *                 and may edit: the step sends the text as it is when it runs
     */
    record SendEmail(String id, EmailKind kind, String from, String subject, String body, String next,
                     String template) implements Action {
        public SendEmail(String id, EmailKind kind, String from, String subject, String body, String next) {
            this(id, kind, from, subject, body, next, null);
        }
    }

    /**
     * Tells people who work in the CRM about the enrolled record (R-WF-4): by email through SES,
     * in the app, or both. Subject and body take personalisation tokens from the enrolled record,
     * with fallbacks after '|', as {@link SendEmail} does.
     */
    record Notify(String id, Recipients recipients, Set<NotifyChannel> channels, String subject, String body,
                  String next) implements Action {
        public Notify {
            recipients = recipients == null ? new Recipients(null, null, false) : recipients;
            channels = channels == null ? Set.of() : Set.copyOf(channels);
        }
    }

    /**
     * Whom a notification reaches: users and teams by id, and the record's owner — the user
     * whose id is in its {@code hubspot_owner_id} property when the step runs.
     *
     * @param owner never null once built
     */
    record Recipients(List<String> users, List<String> teams, Boolean owner) {
        public Recipients {
            users = users == null ? List.of() : List.copyOf(users);
            teams = teams == null ? List.of() : List.copyOf(teams);
            owner = owner != null && owner; // absent in JSON means no
        }
    }

    enum NotifyChannel {
        /** An email to each recipient's address, sent through SES. */
        EMAIL,
        /** A notification item each recipient reads in the app ({@code GET /users/{id}/notifications}). */
        IN_APP
    }

    /** Waits a fixed duration before the next action. */
    record Delay(String id, Duration duration, String next) implements Action {
    }

    /**
     * If/then branch (R-WF-4): the first path whose criteria the record meets is taken; none
     * matching, {@code next} (the "none matched" branch; null ends the enrollment).
     */
    record Branch(String id, List<BranchPath> paths, String next) implements Action {
        public Branch {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }

        @Override
        public List<String> successors() {
            List<String> out = new java.util.ArrayList<>();
            paths.stream().filter(java.util.Objects::nonNull).map(BranchPath::next).filter(java.util.Objects::nonNull)
                    .forEach(out::add);
            if (next != null) {
                out.add(next);
            }
            return out;
        }
    }

    /** One path of an if/then branch. */
    record BranchPath(String name, Filter criteria, String next) {
    }

    /**
     * Value-equals branch (R-WF-4): the path whose value the property equals (compared by the
     * property's type) is taken; none, {@code next}.
     */
    record ValueBranch(String id, String property, List<ValueCase> cases, String next) implements Action {
        public ValueBranch {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }

        @Override
        public List<String> successors() {
            List<String> out = new java.util.ArrayList<>();
            cases.stream().filter(java.util.Objects::nonNull).map(ValueCase::next).filter(java.util.Objects::nonNull)
                    .forEach(out::add);
            if (next != null) {
                out.add(next);
            }
            return out;
        }
    }

    /** One value of a value-equals branch and where it leads. */
    record ValueCase(String value, String next) {
    }

    /**
     * Creates a record of another type (deal, ticket, lead, a custom type …) associated with the
     * enrolled record (R-WF-4, R-WF-5). Property values may hold personalisation tokens.
     *
     * @param label the association's label; "" for none
     */
    record CreateRecord(String id, String objectType, Map<String, String> properties, String label, String next)
            implements Action {
        public CreateRecord {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /**
     * Copies one property of the enrolled record into another (converted by the target's type) —
     * of the enrolled record, or with {@code on}, of its associated records of that type.
     */
    record CopyProperty(String id, String from, String to, String next, String on) implements Action {
        public CopyProperty(String id, String from, String to, String next) {
            this(id, from, to, next, null);
        }
    }

    /** Empties a property of the enrolled record, or with {@code on}, of its associated records of that type. */
    record ClearProperty(String id, String property, String next, String on) implements Action {
        public ClearProperty(String id, String property, String next) {
            this(id, property, next, null);
        }
    }

    /**
     * Waits until a calendar date at a time of day, in the tenant's timezone; a date already
     * passed does not wait.
     */
    record DelayUntilDate(String id, LocalDate date, LocalTime time, String next) implements Action {
    }

    /**
     * Waits until the date in a date or datetime property, shifted by {@code offset} (negative:
     * before it, e.g. "3 days before the renewal date"); a date property is read at {@code time}
     * of day in the tenant's timezone. An empty property or a moment already passed does not wait.
     */
    record DelayUntilProperty(String id, String property, Duration offset, LocalTime time, String next) implements Action {
    }

    /** Waits until the next of the given days (all days when empty) at a time of day, in the tenant's timezone. */
    record DelayUntilDayAndTime(String id, Set<DayOfWeek> days, LocalTime time, String next) implements Action {
        public DelayUntilDayAndTime {
            days = days == null ? Set.of() : Set.copyOf(days);
        }
    }

    /** Continues at another action of the workflow. */
    record GoTo(String id, String next) implements Action {
    }

    /** Adds the enrolled record to a static list. */
    record AddToList(String id, String listId, String next) implements Action {
    }

    /** Takes the enrolled record off a static list. */
    record RemoveFromList(String id, String listId, String next) implements Action {
    }

    /**
     * Waits until {@code event} happens to the record, at most {@code timeout}: when it happens the
     * enrollment goes on at {@code next}; when the time is up, at {@code timeoutNext} (null: it ends).
     */
    record WaitForEvent(String id, TriggerEvent event, Duration timeout, String next, String timeoutNext)
            implements Action {
        @Override
        public List<String> successors() {
            List<String> out = new java.util.ArrayList<>();
            if (next != null) {
                out.add(next);
            }
            if (timeoutNext != null) {
                out.add(timeoutNext);
            }
            return out;
        }
    }

    /** Enrolls the record in another workflow of its object type (unless it is under way there). */
    record EnrollInWorkflow(String id, String workflowId, String next) implements Action {
    }

    /** Takes the record out of other workflows it is under way in. */
    record UnenrollFromWorkflows(String id, List<String> workflowIds, String next) implements Action {
        public UnenrollFromWorkflows {
            workflowIds = workflowIds == null ? List.of() : List.copyOf(workflowIds);
        }
    }

    /**
     * Posts the enrolled record, as JSON, to {@code url}, signed with the tenant's webhook
     * secret (R-WF-4). The secret is a tenant setting, not part of the action, so reading a
     * workflow never shows it. The enrollment goes on to {@code next} whether or not the
     * receiver took it; the history says which.
     *
     * @param url an absolute https URL; http only for a tenant that allows private targets
     */
    record Webhook(String id, String url, String next) implements Action {
    }

    enum EmailKind {
        /** Goes only to contacts that may receive marketing and have not opted out. */
        MARKETING,
        /** Goes to any contact with an address: receipts, notices. */
        TRANSACTIONAL
    }
}
