package io.crmflow.engine;

import io.crmflow.model.CrmRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personalisation tokens in email text: {@code {{firstname}}}, {@code {{contact.firstname}}}
 * and {@code {{firstname|there}}}. An empty property yields the fallback after '|', or nothing
 * — never the raw token, which would look broken to the reader.
 */
public final class Personalizer {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|([^}]*))?}}");

    private Personalizer() {
    }

    public static String render(String template, CrmRecord record) {
        return render(template, record, null);
    }

    /**
     * For an email about one record sent to another (a ticket's email to its contact): tokens
     * naming {@code to}'s object type, {@code {{contact.firstname}}}, read {@code to}; the others
     * read {@code about}.
     *
     * @param to null when the email is about its recipient
     */
    public static String render(String template, CrmRecord about, CrmRecord to) {
        if (template == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            int dot = name.lastIndexOf('.');
            String property = dot >= 0 ? name.substring(dot + 1) : name;
            CrmRecord record = to != null && dot >= 0 && name.substring(0, dot).equals(to.objectType()) ? to : about;
            String value = record.property(property).filter(v -> !v.isBlank())
                    .orElse(m.group(2) == null ? "" : m.group(2).trim());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
