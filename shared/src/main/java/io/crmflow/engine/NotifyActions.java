package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.Names;
import io.crmflow.model.Notification;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides an internal notification (R-WF-4): who it reaches — the users named, the members of
 * the teams named, the record's owner — and how: one in-app notification item per user,
 * written in the step's commit under an id derived from the step and the user, and one email
 * to all of them, the step's one outside effect, made once through the effect ledger. Someone
 * it cannot reach (no owner, an owner who is not a user) is a history line, never a failure:
 * the enrollment goes on.
 *
 * <p>Pure, like {@link StepDecider}; {@link People} is read only here, and only for the ids
 * the action needs.
 */
final class NotifyActions {
    /** The property that names a record's owner, by user id, on every type that has one. */
    static final String OWNER = "hubspot_owner_id";
    /**
     * The most people one notification reaches: what SES takes in one message, and half a
     * commit's 100 items, which leaves room for the step's own writes beside the in-app items.
     */
    static final int MAX_RECIPIENTS = OutgoingEmail.MAX_RECIPIENTS;

    private NotifyActions() {
    }

    static StepDecision notify(StepDraft step, Action.Notify a, CrmRecord record, People people) {
        List<String> notReached = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>(a.recipients().users());
        Map<String, Team> teams = people.teams(a.recipients().teams().stream().filter(Names::isValid).toList());
        for (String teamId : a.recipients().teams()) {
            Team team = teams.get(teamId);
            if (team == null) {
                notReached.add("team '" + teamId + "' was not notified: there is no such team");
            } else {
                wanted.addAll(team.userIds());
            }
        }
        String owner = a.recipients().owner() ? record.property(OWNER).map(String::trim).orElse("") : null;
        if (owner != null && owner.isEmpty()) {
            notReached.add("the record's owner was not notified: the record has no owner (" + OWNER + " is empty)");
        } else if (owner != null) {
            wanted.add(owner);
        }
        // Only what could be an id is looked up: an owner property holding anything else is nobody.
        Map<String, User> found = people.users(wanted.stream().filter(Names::isValid).toList());
        List<User> recipients = new ArrayList<>();
        for (String userId : wanted) {
            User user = found.get(userId);
            if (user != null) {
                recipients.add(user);
            } else if (userId.equals(owner) && !a.recipients().users().contains(userId)) {
                notReached.add("the record's owner '" + userId + "' was not notified: there is no such user");
            } else {
                notReached.add("user '" + userId + "' was not notified: there is no such user");
            }
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            notReached.add((recipients.size() - MAX_RECIPIENTS) + " more people were not notified: a notification"
                    + " reaches at most " + MAX_RECIPIENTS);
            recipients = recipients.subList(0, MAX_RECIPIENTS);
        }
        if (!notReached.isEmpty()) {
            step.log(Kind.ACTION_SKIPPED, a.id(), (recipients.isEmpty() ? "nobody to notify: " : "")
                    + String.join("; ", notReached));
        }
        if (recipients.isEmpty()) {
            return step.moveTo(a.next());
        }
        String subject = Personalizer.render(a.subject(), record);
        String body = Personalizer.render(a.body(), record);
        if (a.channels().contains(Action.NotifyChannel.IN_APP)) {
            leaveInApp(step, a, record, recipients, subject, body);
        }
        if (!a.channels().contains(Action.NotifyChannel.EMAIL)) {
            return step.moveTo(a.next());
        }
        List<String> addresses = recipients.stream().map(User::email).distinct().toList();
        // Logged last: the effect's result (message id, or the refusal) goes on the last executed line.
        step.log(Kind.ACTION_EXECUTED, a.id(), "notification emailed to " + String.join(", ", addresses));
        var email = new OutgoingEmail(null, addresses, subject, body, StepIds.email(step.e.id(), step.e.seq()));
        return step.moveTo(a.next()).withEffect(new OutsideEffect.Email(email));
    }

    private static void leaveInApp(StepDraft step, Action.Notify a, CrmRecord record, List<User> recipients,
                                   String subject, String body) {
        for (User user : recipients) {
            var notification = new Notification(StepIds.notification(step.e.id(), step.e.seq(), user.id()), user.id(),
                    step.now, subject, body, step.e.workflowId(), step.e.id(), a.id(), record.ref());
            step.writes.add(new Write.PutNotification(record.tenantId(), notification));
        }
        step.log(Kind.ACTION_EXECUTED, a.id(), "in-app notification left for "
                + recipients.stream().map(User::id).collect(Collectors.joining(", ")));
    }
}
