package io.crmflow.filter;

/**
 * One reason a filter cannot be saved (R-FLT-3).
 *
 * @param pointer a JSON pointer into the filter, e.g. {@code /groups/0/conditions/2/values}
 */
public record FilterProblem(String pointer, String message) {
    @Override
    public String toString() {
        return pointer + ": " + message;
    }
}
