package io.crmflow.model;

import java.util.regex.Pattern;

/** Argument checks shared by the model's compact constructors. */
final class Require {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private Require() {
    }

    static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** Names and ids become parts of table keys, so '#' and spaces are kept out of them. */
    static String name(String value, String what) {
        if (!isName(value)) {
            throw new IllegalArgumentException(what + " must be 1-100 characters of letters, digits, '_', '.', ':' or '-' (got "
                    + (value == null ? "nothing" : "'" + value + "'") + ")");
        }
        return value;
    }
}
