package io.crmflow.model;

/**
 * One thing wrong with input, and where.
 *
 * @param pointer a JSON pointer into the submitted document, e.g. {@code /properties/amount}
 * @param message a sentence a person can act on
 */
public record InputProblem(String pointer, String message) {
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
