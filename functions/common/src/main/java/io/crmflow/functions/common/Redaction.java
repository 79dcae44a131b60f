package io.crmflow.functions.common;

import java.util.regex.Pattern;

/**
 * Takes email addresses and phone numbers out of text bound for the logs. Exception messages
 * quote what they failed on — a mail provider the recipients it refused, a decoder the value it
 * could not read — and a record's email and phone are its most common personal data; logs keep
 * ids instead. Errs on the side of hiding: a bare run of seven or more digits reads as a phone
 * number, while dates, times, IP addresses and digits inside ids ({@code c-1234567}, UUIDs) are
 * left alone. Stateless.
 */
public final class Redaction {
    static final String EMAIL_MARK = "[email]";
    static final String PHONE_MARK = "[phone]";

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /**
     * An optional '+', then 7 to 15 digits — any of them may be a group in parentheses, such as
     * an area code — with single spaces, dots or dashes between them; not glued to letters,
     * digits or id punctuation on either side, and not an ISO date or a dotted IPv4 address.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/#~.+-])"
                    + "(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))(?!\\d{1,3}(?:\\.\\d{1,3}){3}(?!\\d))"
                    + "\\+?(?:\\d|\\(\\d{1,4}\\))(?:[ .-]?(?:\\d|\\(\\d{1,4}\\))){6,14}"
                    + "(?![\\p{L}\\p{N}_#~-])");

    private Redaction() {
    }

    /** The text with every email address and phone-number-like run replaced by a mark; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll(EMAIL_MARK);
        return PHONE.matcher(withoutEmails).replaceAll(PHONE_MARK);
    }
}
