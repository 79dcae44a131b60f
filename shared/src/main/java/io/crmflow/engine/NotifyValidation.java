package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.model.Names;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.outbound.OutgoingEmail;
import java.util.List;
import java.util.Map;

/**
 * Checks a notification action at save time: someone to tell, a way to tell them, the users
 * and teams it names existing, and an owner property to read when it tells the owner. Stateless.
 */
final class NotifyValidation {
    private NotifyValidation() {
    }

    static void check(Action.Notify a, String at, ObjectType schema, People people, List<InputProblem> problems) {
        Action.Recipients r = a.recipients();
        if (r.users().isEmpty() && r.teams().isEmpty() && !r.owner()) {
            problems.add(new InputProblem(at + "/recipients",
                    "name at least one recipient: users, teams, or the record's owner (\"owner\": true)"));
        }
        if (r.users().size() > OutgoingEmail.MAX_RECIPIENTS) {
            problems.add(new InputProblem(at + "/recipients/users", "a notification reaches at most "
                    + OutgoingEmail.MAX_RECIPIENTS + " people; name a team instead of " + r.users().size() + " users"));
        }
        requireKnown(r.users(), people.users(validIds(r.users())), at + "/recipients/users/", "user", problems);
        requireKnown(r.teams(), people.teams(validIds(r.teams())), at + "/recipients/teams/", "team", problems);
        if (r.owner() && schema.property(NotifyActions.OWNER).isEmpty()) {
            problems.add(new InputProblem(at + "/recipients/owner", schema.name() + " records have no owner: the type has no '"
                    + NotifyActions.OWNER + "' property"));
        }
        if (a.channels().isEmpty()) {
            problems.add(new InputProblem(at + "/channels", "choose how to notify: \"email\", \"in_app\" or both"));
        }
        if (a.subject() == null || a.subject().isBlank()) {
            problems.add(new InputProblem(at + "/subject", "a notification needs a subject"));
        }
        if (a.body() == null || a.body().isBlank()) {
            problems.add(new InputProblem(at + "/body", "a notification needs a body"));
        }
    }

    /** Only what could be an id is looked up: anything else could not be a table key, and exists nowhere. */
    private static List<String> validIds(List<String> ids) {
        return ids.stream().filter(Names::isValid).distinct().toList();
    }

    private static void requireKnown(List<String> ids, Map<String, ?> known, String at, String what,
                                     List<InputProblem> problems) {
        for (int i = 0; i < ids.size(); i++) {
            if (!known.containsKey(ids.get(i))) {
                problems.add(new InputProblem(at + i, "there is no " + what + " '" + ids.get(i) + "'"));
            }
        }
    }
}
