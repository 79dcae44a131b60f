package io.crmflow.model;

/** Points at one record of a tenant: its object type and id. */
public record RecordRef(String objectType, String id) {
    public RecordRef {
        Require.name(objectType, "object type");
        Require.name(id, "record id");
    }

    @Override
    public String toString() {
        return objectType + "/" + id;
    }
}
