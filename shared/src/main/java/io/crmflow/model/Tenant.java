package io.crmflow.model;

import java.time.ZoneId;

/** One portal: every piece of data belongs to exactly one tenant. */
public record Tenant(String id, String name, ZoneId timezone) {
    public Tenant {
        Require.name(id, "tenant id");
        Require.nonNull(name, "tenant name");
        Require.nonNull(timezone, "tenant timezone");
    }
}
