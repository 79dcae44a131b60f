package io.crmflow.engine;

import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Notification;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.store.Page;
import io.crmflow.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Saves and reads a tenant's users and teams, whom internal notifications reach (R-WF-4), and
 * reads the in-app notifications left for a user. A team names only users that exist, so a
 * notification to a team never finds a member missing. Thread-safe.
 */
public final class PeopleService {
    private final Ports ports;

    public PeopleService(Ports ports) {
        this.ports = ports;
    }

    public User putUser(String tenantId, User user) {
        Tenants.require(ports, tenantId);
        ports.writer().commit(List.of(new Write.PutUser(tenantId, user)));
        return user;
    }

    /** @throws InvalidInputException pointing at each member ({@code /userIds/{i}}) that is not a user */
    public Team putTeam(String tenantId, Team team) {
        Tenants.require(ports, tenantId);
        Set<String> known = ports.people().users(tenantId, team.userIds()).stream().map(User::id)
                .collect(Collectors.toSet());
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < team.userIds().size(); i++) {
            if (!known.contains(team.userIds().get(i))) {
                problems.add(new InputProblem("/userIds/" + i, "there is no user '" + team.userIds().get(i) + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ports.writer().commit(List.of(new Write.PutTeam(tenantId, team)));
        return team;
    }

    public User user(String tenantId, String userId) {
        return ports.people().user(tenantId, userId)
                .orElseThrow(() -> new NotFoundException("user '" + userId + "' does not exist"));
    }

    public Team team(String tenantId, String teamId) {
        return ports.people().team(tenantId, teamId)
                .orElseThrow(() -> new NotFoundException("team '" + teamId + "' does not exist"));
    }

    /** Newest first; an unknown user is a 404, not an empty page, so a typo in the id shows. */
    public Page<Notification> notifications(String tenantId, String userId, String cursor, int limit) {
        user(tenantId, userId);
        return ports.people().notifications(tenantId, userId, cursor, limit);
    }
}
