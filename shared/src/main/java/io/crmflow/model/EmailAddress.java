package io.crmflow.model;

import java.util.regex.Pattern;

/**
 * What passes for an email address wherever one is typed in: a user's, a sender's. Loose on
 * purpose — something, {@code @}, a dotted domain, no spaces — to catch a slip of the keyboard;
 * whether mail reaches it is the mail service's to tell. Stateless.
 */
public final class EmailAddress {
    private static final Pattern FORM = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    /** Whether {@code text} looks like an email address; null does not. */
    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }
}
