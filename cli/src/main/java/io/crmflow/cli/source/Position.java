package io.crmflow.cli.source;

/** A place in a source file, both from 1, as editors count them. */
public record Position(int line, int column) {
    public static final Position START = new Position(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
