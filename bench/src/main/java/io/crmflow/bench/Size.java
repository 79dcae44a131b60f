package io.crmflow.bench;

/**
 * How big a run is. {@code FULL} is the size the targets speak of; {@code SMALL} only proves an
 * instrument still works, in seconds, and its figures mean nothing.
 */
public enum Size {
    SMALL,
    FULL;

    /** {@code full} when the run is full size, else {@code small}: what fits in a command line. */
    public static Size parse(String text) {
        return switch (text) {
            case "small" -> SMALL;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("size must be 'small' or 'full', not '" + text + "'");
        };
    }
}
