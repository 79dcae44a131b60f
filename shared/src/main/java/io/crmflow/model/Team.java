package io.crmflow.model;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A named group of a tenant's users, so a notification can reach everyone in it without the
 * workflow listing them (R-WF-4). Immutable.
 *
 * @param userIds its members, each once, in the order given
 */
public record Team(String id, String name, List<String> userIds) {
    public Team {
        Require.name(id, "team id");
        name = name == null || name.isBlank() ? id : name;
        userIds = userIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(userIds));
        userIds.forEach(u -> Require.name(u, "member user id"));
    }
}
