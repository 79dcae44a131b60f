package io.crmflow.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Input that is not the JSON expected, with a JSON pointer to where it went wrong so the
 * caller can say what and where.
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
        Throwable cause = e;
        // Model constructors throw IllegalArgumentException with a readable message; Jackson wraps it.
        while (cause.getCause() != null && cause != cause.getCause()
                && !(cause instanceof IllegalArgumentException && !(cause instanceof JsonProcessingException) && cause != e)) {
            cause = cause.getCause();
        }
        String pointer = "";
        if (e instanceof JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
            }
            pointer = sb.toString();
        }
        String message = cause instanceof IllegalArgumentException && cause != e ? cause.getMessage()
                : (e instanceof JsonProcessingException jp ? jp.getOriginalMessage() : e.getMessage());
        return new JsonInputException(pointer.isEmpty() ? "/" : pointer, message);
    }
}
