package io.crmflow.engine;

import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.store.PeopleStore;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One tenant's users and teams as a workflow names them, looked up several at a time: what
 * validating and running a notification need. Reads the store on each call, so a step that
 * notifies nobody reads nothing.
 */
public interface People {
    /** Knows nobody: for workflows that name no users or teams. */
    People NOBODY = new People() {
        @Override
        public Map<String, User> users(Collection<String> ids) {
            return Map.of();
        }

        @Override
        public Map<String, Team> teams(Collection<String> ids) {
            return Map.of();
        }
    };

    /** The users among {@code ids} that exist, by id. */
    Map<String, User> users(Collection<String> ids);

    /** The teams among {@code ids} that exist, by id. */
    Map<String, Team> teams(Collection<String> ids);

    /** The users and teams of {@code tenantId} in the store: one batch read per call, none for no ids. */
    static People of(PeopleStore store, String tenantId) {
        return new People() {
            @Override
            public Map<String, User> users(Collection<String> ids) {
                return ids.isEmpty() ? Map.of() : byId(store.users(tenantId, ids), User::id);
            }

            @Override
            public Map<String, Team> teams(Collection<String> ids) {
                return ids.isEmpty() ? Map.of() : byId(store.teams(tenantId, ids), Team::id);
            }
        };
    }

    private static <T> Map<String, T> byId(Collection<T> found, Function<T, String> id) {
        return found.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }
}
