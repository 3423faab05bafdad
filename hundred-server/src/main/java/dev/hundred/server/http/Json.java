package dev.hundred.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The single ObjectMapper. snake_case by default (every 100ms resource but templates, which opt into
 * camelCase with {@code @JsonNaming}); strict about types the way the cloud's Go decoder is (no "10" for
 * 10, no 1.5 for an int, no 7 for a string); unknown fields ignored (decisions.md, Bodies).
 */
public final class Json {
    /** Deep enough for any template (about 7 levels), shallow enough to refuse JSON bombs. */
    static final int MAX_NESTING = 32;

    public static final ObjectMapper MAPPER = build();

    private Json() {}

    private static ObjectMapper build() {
        SimpleModule timestamps = new SimpleModule("hundred-timestamps");
        timestamps.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(Timestamps.format(value));
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(timestamps)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer,
                LogicalType.Boolean, LogicalType.Float}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // A type may of course be read from its own shape.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * Reads a request body. An empty body and {@code null} mean "no payload" and read as {@code {}}
     * (the Node SDK sends {@code {}}, curl examples send nothing; decisions.md, Bodies).
     */
    public static <T> T readBody(byte[] body, Class<T> type) {
        if (startsWithByteOrderMark(body)) {
            // Jackson skips a UTF-8 byte order mark; the cloud's Go decoder refuses it as an invalid character.
            throw ApiError.badBody("malformed JSON");
        }
        try {
            JsonNode tree = body.length == 0 ? null : MAPPER.readTree(body);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                tree = MAPPER.createObjectNode();
            }
            if (!tree.isObject() && !type.isAssignableFrom(JsonNode.class) && !type.isArray()) {
                throw ApiError.badBody("body must be a JSON object");
            }
            String nul = nulAt(tree, "");
            if (nul != null) {
                throw ApiError.badBody((nul.isEmpty() ? "body" : nul) + " must not contain NUL characters");
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw ApiError.badBody(describe(e));
        } catch (IOException e) {
            throw ApiError.badBody("body could not be read");
        }
    }

    private static boolean startsWithByteOrderMark(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
    }

    /**
     * The path of the first string (or key) holding a NUL character, or null when there is none.
     * PostgreSQL cannot store NUL in text, H2 can: refusing it here gives both the same answer.
     */
    public static String nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isObject()) {
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().indexOf('\0') >= 0) {
                    return at.replace('\0', '?');
                }
                String found = nulAt(field.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A short, safe description of why a body did not parse: which field and what was expected. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> target = mismatch.getTargetType();
            if (e instanceof InvalidFormatException || target != null) {
                return field + " must be " + typeName(target);
            }
            return field + " has the wrong type";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            boolean overflow = mapping.getCause() instanceof InputCoercionException;
            return path(mapping) + (overflow ? " is out of range" : " is invalid");
        }
        String original = e.getOriginalMessage();
        if (original != null && original.contains("nesting depth")) {
            return "JSON nesting too deep (max " + MAX_NESTING + ")";
        }
        if (original != null && (original.contains("UTF-8") || original.contains("UTF8"))) {
            return "body is not valid UTF-8";
        }
        return "malformed JSON";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }
}
