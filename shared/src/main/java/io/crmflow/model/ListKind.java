package io.crmflow.model;

/** Static lists change only when told; active lists follow their filter (R-OBJ-7). */
public enum ListKind {
    STATIC,
    ACTIVE
}
