package io.crmflow.model;

/** Argument checks shared by the model's compact constructors. */
final class Require {
    private static final int LONGEST_NAME = 100;

    private Require() {
    }

    static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    /**
     * 1-100 of {@code [A-Za-z0-9_.:-]}. Checked by hand rather than by a pattern: every record
     * reference is checked, and a simulation makes millions of them.
     */
    static boolean isName(String value) {
        if (value == null || value.isEmpty() || value.length() > LONGEST_NAME) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '.' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
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
