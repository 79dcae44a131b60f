package io.crmflow.definition;

import io.crmflow.filter.Filter;

/**
 * What a contact workflow aims at (R-WF-11..13): a record meeting {@code criteria} leaves the
 * workflow before its next action, and counts as having met the goal forever.
 *
 * @param generation how many times all goal criteria were removed; counts and the conversion rate
 *                   are kept per generation, so removing every criterion starts them afresh
 *                   (R-WF-13) while editing them does not. Decided on save; a submitted value is ignored.
 */
public record Goal(Filter criteria, Long generation) {
    public static final Goal NONE = new Goal(Filter.NONE, 0L);

    public Goal {
        criteria = criteria == null ? Filter.NONE : criteria;
        generation = generation == null ? 0L : generation; // absent in what users send
    }

    public boolean isEmpty() {
        return criteria.isEmpty();
    }

    public Goal withGeneration(Long g) {
        return new Goal(criteria, g);
    }
}
