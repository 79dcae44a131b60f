package io.crmflow.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input that is not the JSON expected, with a JSON pointer to where it went wrong and a
 * sentence for a person — not Jackson's, which names Java classes and configuration switches.
 */
public class JsonInputException extends IllegalArgumentException {
    private final String pointer;

    public JsonInputException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }

    static JsonInputException from(Exception e) {
        String pointer = e instanceof JsonMappingException m ? pointer(m) : "/";
        return new JsonInputException(pointer, message(e));
    }

    private static String message(Exception e) {
        IllegalArgumentException modelRefusal = modelRefusal(e);
        if (modelRefusal != null) {
            return modelRefusal.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + expected(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + simpleType(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = mismatch.getOriginalMessage();
            if (original != null && original.contains("null")) {
                return "a value is required here";
            }
            return "expected " + article(simpleType(mismatch.getTargetType())) + " here";
        }
        if (e instanceof JsonProcessingException processing) {
            String original = Objects.requireNonNullElse(processing.getOriginalMessage(), "");
            int newline = original.indexOf('\n');
            String line = newline >= 0 ? original.substring(0, newline) : original;
            String at = processing.getLocation() == null ? ""
                    : " (line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr() + ")";
            return "malformed JSON: " + line + at;
        }
        return String.valueOf(e.getMessage());
    }

    /** Model constructors refuse bad values with a readable IllegalArgumentException; Jackson wraps it. */
    private static IllegalArgumentException modelRefusal(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae && !(t instanceof JsonInputException)) {
                return iae;
            }
        }
        return null;
    }

    private static String pointer(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String expected(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return "; expected one of " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "whole number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        if (type == java.time.Duration.class) {
            return "duration (ISO-8601, e.g. P1D or PT2H)";
        }
        if (type == java.time.Instant.class) {
            return "instant (ISO-8601, e.g. 2026-01-31T09:00:00Z)";
        }
        return type == String.class ? "string" : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
