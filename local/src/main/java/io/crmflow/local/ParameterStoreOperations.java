package io.crmflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Parameter Store operations of the SSM stand-in — {@code PutParameter}, {@code
 * GetParameter}, {@code DeleteParameter} — request JSON in, response JSON out, in the shapes of
 * the AWS API reference. Each put of an existing name (with {@code Overwrite}) is a new version;
 * a get may select one ({@code name:3}); the last 100 versions are kept, as SSM keeps them. A
 * {@code SecureString} read without {@code WithDecryption} gives an opaque text, never the value,
 * as SSM gives the ciphertext. Thread-safe: one operation at a time.
 */
final class ParameterStoreOperations {

    private static final int KEPT_VERSIONS = 100;
    private static final int MAX_STANDARD_VALUE = 4096;
    private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
    /** Letters, digits, '.', '-', '_' in levels parted by '/'; a path starts with '/'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+|(/[A-Za-z0-9_.-]+)+");

    private record Version(long number, String type, String value, double modifiedEpochSeconds) {
    }

    /** Guarded by this: an operation reads and writes a parameter's versions as one step. */
    private final Map<String, List<Version>> parameters = new HashMap<>();
    private final String region;
    private final String accountId;
    private final Clock clock;

    ParameterStoreOperations(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    synchronized JsonNode invoke(String operation, JsonNode request) {
        return switch (operation) {
            case "PutParameter" -> put(request);
            case "GetParameter" -> get(request);
            case "DeleteParameter" -> delete(request);
            default -> throw new AwsServiceError("UnknownOperationException",
                    "The SSM stand-in does not implement " + operation + ".");
        };
    }

    private JsonNode put(JsonNode request) {
        String name = validName(required(request, "Name"));
        String value = required(request, "Value");
        if (value.length() > MAX_STANDARD_VALUE) {
            throw new AwsServiceError("ValidationException",
                    "Standard tier parameters support a maximum parameter value of 4096 characters.");
        }
        String type = request.path("Type").asText("");
        if (!type.isEmpty() && !TYPES.contains(type)) {
            throw new AwsServiceError("ValidationException", "1 validation error detected: Value '" + type
                    + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: " + TYPES);
        }
        List<Version> versions = parameters.get(name);
        if (versions != null && !request.path("Overwrite").asBoolean(false)) {
            throw new AwsServiceError("ParameterAlreadyExists", "The parameter already exists. To overwrite this "
                    + "value, set the overwrite option in the request to true.");
        }
        if (versions == null && type.isEmpty()) {
            throw new AwsServiceError("ValidationException", "A parameter type is required when you create a parameter.");
        }
        Version latest = versions == null ? null : versions.get(versions.size() - 1);
        Version written = new Version(latest == null ? 1 : latest.number() + 1, type.isEmpty() ? latest.type() : type,
                value, clock.millis() / 1000.0);
        List<Version> kept = versions == null ? new ArrayList<>() : versions;
        kept.add(written);
        if (kept.size() > KEPT_VERSIONS) {
            kept.remove(0);
        }
        parameters.put(name, kept);
        return object().put("Version", written.number()).put("Tier", "Standard");
    }

    private JsonNode get(JsonNode request) {
        String requested = required(request, "Name");
        int colon = requested.indexOf(':');
        String name = colon < 0 ? requested : requested.substring(0, colon);
        Version version = version(name, colon < 0 ? null : requested.substring(colon + 1));
        boolean decrypt = request.path("WithDecryption").asBoolean(false);
        String value = "SecureString".equals(version.type()) && !decrypt ? sealed(name, version) : version.value();
        ObjectNode parameter = object().put("Name", name).put("Type", version.type()).put("Value", value)
                .put("Version", version.number()).put("LastModifiedDate", version.modifiedEpochSeconds())
                .put("ARN", "arn:aws:ssm:" + region + ":" + accountId + ":parameter/"
                        + (name.startsWith("/") ? name.substring(1) : name))
                .put("DataType", "text");
        if (colon >= 0) {
            parameter.put("Selector", requested.substring(colon));
        }
        ObjectNode response = object();
        response.set("Parameter", parameter);
        return response;
    }

    private JsonNode delete(JsonNode request) {
        String name = required(request, "Name");
        if (parameters.remove(name) == null) {
            throw notFound(name);
        }
        return object();
    }

    private Version version(String name, String selector) {
        List<Version> versions = parameters.get(name);
        if (versions == null) {
            throw notFound(name);
        }
        if (selector == null) {
            return versions.get(versions.size() - 1);
        }
        if (!selector.matches("[0-9]{1,18}")) {
            throw new AwsServiceError("ValidationException", "The SSM stand-in selects versions by number only, "
                    + "not by label ('" + selector + "').");
        }
        long wanted = Long.parseLong(selector);
        return versions.stream().filter(v -> v.number() == wanted).findFirst().orElseThrow(() ->
                new AwsServiceError("ParameterVersionNotFound", "Systems Manager could not find version " + wanted
                        + " of " + name + ". Verify the version and try again."));
    }

    /** What a SecureString reads as without decryption: stands for the ciphertext, and is not the value. */
    private static String sealed(String name, Version version) {
        return Base64.getEncoder().encodeToString(("sealed by the SSM stand-in: " + name + " v" + version.number())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String validName(String name) {
        String lower = name.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches() || lower.startsWith("aws") || lower.startsWith("ssm")) {
            throw new AwsServiceError("ValidationException", "Parameter name: can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; "
                    + "each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_");
        }
        return name;
    }

    private static AwsServiceError notFound(String name) {
        return new AwsServiceError("ParameterNotFound", "Parameter " + name + " not found.");
    }

    private static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new AwsServiceError("ValidationException", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1) + "' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return value.asText();
    }

    private static ObjectNode object() {
        return HttpExchanges.JSON.createObjectNode();
    }
}
