package io.crmflow.store;

import io.crmflow.model.Notification;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a tenant's users and teams, whom internal notifications reach, and the in-app
 * notifications left for each user. Writes go through {@link TransactionalWriter}: a step's
 * notifications commit with the step. Thread-safe.
 */
public interface PeopleStore {

    Optional<User> user(String tenantId, String userId);

    Optional<Team> team(String tenantId, String teamId);

    /** The users among {@code userIds} that exist, in no particular order; ids asked twice count once. */
    List<User> users(String tenantId, Collection<String> userIds);

    /** The teams among {@code teamIds} that exist, in no particular order; ids asked twice count once. */
    List<Team> teams(String tenantId, Collection<String> teamIds);

    /** The tenant's users in id order, a page at a time. */
    Page<User> users(String tenantId, String cursor, int limit);

    /** The tenant's teams in id order, a page at a time. */
    Page<Team> teams(String tenantId, String cursor, int limit);

    /** The in-app notifications left for a user, newest first. */
    Page<Notification> notifications(String tenantId, String userId, String cursor, int limit);
}
