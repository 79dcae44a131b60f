package io.crmflow.model;

import java.util.regex.Pattern;

/**
 * A person who works in a tenant's CRM: what an internal notification needs to reach them
 * (R-WF-4). Records name their owner by user id ({@code hubspot_owner_id}). Immutable.
 */
public record User(String id, String email, String name) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public User {
        Require.name(id, "user id");
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("user '" + id + "' needs an email address (got "
                    + (email == null ? "nothing" : "'" + email + "'") + ")");
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
