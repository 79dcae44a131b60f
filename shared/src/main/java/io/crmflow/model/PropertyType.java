package io.crmflow.model;

/**
 * The types a CRM property can have (R-OBJ-2). Values travel as strings, as in HubSpot's
 * API, and are parsed against this type when written and when filtered.
 */
public enum PropertyType {
    STRING,
    NUMBER,
    BOOL,
    /** A calendar date, ISO-8601 {@code yyyy-MM-dd}. */
    DATE,
    /** An instant, ISO-8601 with offset or {@code Z}. */
    DATETIME,
    /** Single select: the value is one of the property's options. */
    ENUMERATION,
    /** Multi-checkbox: the value is options joined by {@code ;}. */
    MULTI_ENUMERATION;

    public boolean hasOptions() {
        return this == ENUMERATION || this == MULTI_ENUMERATION;
    }
}
