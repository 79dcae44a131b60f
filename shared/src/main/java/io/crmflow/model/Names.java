package io.crmflow.model;

/** Public face of the id rule, for layers that validate input before building model records. */
public final class Names {
    private Names() {
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} when {@code value} is not a valid id. */
    public static String requireValid(String value, String what) {
        return Require.name(value, what);
    }

    /** Whether {@code value} is a valid id: what {@link #requireValid} accepts, asked without an exception. */
    public static boolean isValid(String value) {
        return Require.isName(value);
    }
}
