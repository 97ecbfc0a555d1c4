package org.chargeflow.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends OCPP 1.6 calls to chargers: {@code client.call("CP-1", new Reset.Request(ResetType.Soft))}
 * completes with the typed confirmation. It fails fast with {@link ChargerNotConnectedException} when
 * the charger has no live connection, and with {@link ChargerCallException} on a CALLERROR, an invalid
 * answer, a full queue or no answer within {@code chargeflow.ocpp.call-timeout}.
 */
@Component
public class ChargePointClient {

    private final ChargerConnections connections;
    private final OcppFrameCodec codec;
    private final Ocpp16Schemas schemas;
    private final ObjectMapper json;

    ChargePointClient(ChargerConnections connections, OcppFrameCodec codec, Ocpp16Schemas schemas, ObjectMapper json) {
        this.connections = connections;
        this.codec = codec;
        this.schemas = schemas;
        this.json = json;
    }

    public <C> CompletableFuture<C> call(String chargerId, OcppRequest<C> request) {
        String action = request.action();
        Optional<ChargerConnection> connection = connections.get(chargerId);
        if (connection.isEmpty()) {
            return CompletableFuture.failedFuture(new ChargerNotConnectedException(chargerId, action));
        }
        JsonNode payload = json.valueToTree(request);
        Optional<OcppError> invalid = schemas.validate(action, Ocpp16Schemas.Kind.REQUEST, payload, "");
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid " + action + ": " + invalid.get().getMessage()));
        }
        return connection.get()
                .call(action, messageId -> codec.call(messageId, action, payload))
                .thenApply(answer -> confirmation(chargerId, request, answer));
    }

    /** {@link #call} for callers that wait for the answer: the confirmation, or the call's own exception. */
    public <C> C callAndWait(String chargerId, OcppRequest<C> request) {
        try {
            return call(chargerId, request).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private <C> C confirmation(String chargerId, OcppRequest<C> request, JsonNode answer) {
        schemas.validate(request.action(), Ocpp16Schemas.Kind.CONFIRMATION, answer, "").ifPresent(error -> {
            throw new ChargerCallException(error.code().name(), "Charger " + chargerId + " answered "
                    + request.action() + " with an invalid confirmation: " + error.getMessage());
        });
        try {
            return json.treeToValue(answer, request.confirmationType());
        } catch (JsonProcessingException e) {
            throw new ChargerCallException("FormationViolation", "Charger " + chargerId + " answered "
                    + request.action() + " with an unreadable confirmation: " + e.getOriginalMessage());
        }
    }
}
