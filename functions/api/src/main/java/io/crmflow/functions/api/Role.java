package io.crmflow.functions.api;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. An admin shapes how the tenant's CRM behaves (definitions, settings);
 * an agent works the records: creates and updates them, logs activity, enrolls by hand. Both read.
 */
enum Role {
    AGENT, ADMIN;

    static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "admin" -> Optional.of(ADMIN);
            case "agent" -> Optional.of(AGENT);
            default -> Optional.empty();
        };
    }

    boolean mayDo(Role required) {
        return this == ADMIN || required == AGENT;
    }
}
