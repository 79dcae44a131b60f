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
        if (template == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            int dot = name.lastIndexOf('.');
            String property = dot >= 0 ? name.substring(dot + 1) : name;
            String value = record.property(property).filter(v -> !v.isBlank())
                    .orElse(m.group(2) == null ? "" : m.group(2).trim());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
