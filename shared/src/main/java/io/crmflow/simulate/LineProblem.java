package io.crmflow.simulate;

/**
 * One thing wrong with a line of the events file.
 *
 * @param line    the line, from 1
 * @param pointer a JSON pointer into that line's object, e.g. {@code /properties/amount}
 */
public record LineProblem(long line, String pointer, String message) {
    @Override
    public String toString() {
        return "line " + line + " " + pointer + ": " + message;
    }
}
