package io.crmflow.model;

/** One property's change; {@code from} or {@code to} is null when the value was or became empty. */
public record PropertyChange(String property, String from, String to) {
    public PropertyChange {
        Require.nonNull(property, "changed property");
    }
}
