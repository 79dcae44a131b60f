package io.crmflow.model;

/**
 * A link between two records (R-OBJ-5), e.g. lead to contact, deal to company. Stored in both
 * directions so either side finds the other with one query.
 *
 * @param label free text such as "primary"; "" when unlabelled
 */
public record Association(RecordRef from, RecordRef to, String label) {
    public Association {
        Require.nonNull(from, "association source");
        Require.nonNull(to, "association target");
        label = label == null ? "" : label;
    }

    public Association reversed() {
        return new Association(to, from, label);
    }
}
