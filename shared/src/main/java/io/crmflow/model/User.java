package io.crmflow.model;

/**
 * A person who works in a tenant's CRM: what an internal notification needs to reach them
 * (R-WF-4). Records name their owner by user id ({@code hubspot_owner_id}). Immutable.
 */
public record User(String id, String email, String name) {
    public User {
        Require.name(id, "user id");
        if (!EmailAddress.isValid(email)) {
            throw new IllegalArgumentException("user '" + id + "' needs an email address (got "
                    + (email == null ? "nothing" : "'" + email + "'") + ")");
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
