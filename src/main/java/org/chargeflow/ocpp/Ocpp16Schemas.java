package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.chargeflow.ocpp.OcppErrorCode.FormationViolation;
import static org.chargeflow.ocpp.OcppErrorCode.OccurenceConstraintViolation;
import static org.chargeflow.ocpp.OcppErrorCode.PropertyConstraintViolation;
import static org.chargeflow.ocpp.OcppErrorCode.TypeConstraintViolation;

/**
 * Validates payloads against the OCA OCPP 1.6 JSON schemas (see resources/ocpp/SCHEMAS.md) and maps
 * the first violation to the CALLERROR code OCPP-J prescribes for it.
 */
@Component
public class Ocpp16Schemas {

    public enum Kind { REQUEST, CONFIRMATION }

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    public Ocpp16Schemas(ObjectMapper json) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (var in = new ClassPathResource("ocpp/ocpp16-schemas.json").getInputStream()) {
            for (JsonNode schema : json.readTree(in)) {
                schemas.put(schema.get("$id").asText(), factory.getSchema(schema, config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OCPP 1.6 schemas", e);
        }
    }

    public boolean knows(String action) {
        return schemas.containsKey(id(action, Kind.REQUEST));
    }

    /** The first violation, as the error to answer with, or empty when the payload is valid. */
    public Optional<OcppError> validate(String action, Kind kind, JsonNode payload, String messageId) {
        JsonSchema schema = schemas.get(id(action, kind));
        if (schema == null) {
            throw new IllegalArgumentException("No OCPP 1.6 schema for " + action + " " + kind);
        }
        Set<ValidationMessage> violations = schema.validate(payload);
        return violations.stream()
                .min(Comparator.comparingInt(Ocpp16Schemas::severity))
                .map(v -> new OcppError(codeFor(v), messageId, action + ": " + v.getMessage()));
    }

    private static String id(String action, Kind kind) {
        return "urn:" + action + (kind == Kind.REQUEST ? ".req" : ".conf");
    }

    // Structural problems are reported first, then missing fields, wrong types and bad values.
    private static int severity(ValidationMessage v) {
        return switch (codeFor(v)) {
            case FormationViolation -> 0;
            case OccurenceConstraintViolation -> 1;
            case TypeConstraintViolation -> 2;
            default -> 3;
        };
    }

    private static OcppErrorCode codeFor(ValidationMessage violation) {
        return switch (violation.getType()) {
            case "additionalProperties" -> FormationViolation;
            case "required", "minItems", "maxItems" -> OccurenceConstraintViolation;
            case "type" -> TypeConstraintViolation;
            default -> PropertyConstraintViolation; // enum, maxLength, minimum, format, multipleOf, ...
        };
    }
}
