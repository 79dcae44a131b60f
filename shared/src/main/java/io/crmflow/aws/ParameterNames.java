package io.crmflow.aws;

/**
 * Turns an id into one level of an SSM parameter name. Names hold letters, digits, '_', '.', '-'
 * and '/' between levels; ids may also hold ':', which SSM reads as a version selector. '_' is
 * the escape ({@code _3A} for ':', {@code _5F} for '_' itself), so two ids never share a name.
 * Stateless.
 */
final class ParameterNames {
    private ParameterNames() {
    }

    static String segment(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            if (c == '_' || !(Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '-')) {
                sb.append('_').append(String.format(java.util.Locale.ROOT, "%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
