package io.crmflow.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/** Reads and writes enums by their lower-case names, naming the allowed values on a bad one. */
final class LowerCaseEnums {
    private LowerCaseEnums() {
    }

    @SuppressWarnings("rawtypes")
    static final class Serializer extends StdSerializer<Enum> {
        Serializer() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Deserializer extends JsonDeserializer<Enum> implements ContextualDeserializer {
        private final Class<? extends Enum> type;

        Deserializer() {
            this(null);
        }

        private Deserializer(Class<? extends Enum> type) {
            this.type = type;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType t = property != null ? property.getType() : ctxt.getContextualType();
            while (t != null && t.isContainerType()) {
                t = t.getContentType();
            }
            return new Deserializer((Class<? extends Enum>) t.getRawClass());
        }

        @Override
        public Enum deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (Enum constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            return (Enum) ctxt.handleWeirdStringValue(type, text, "expected one of %s",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum) c).name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
