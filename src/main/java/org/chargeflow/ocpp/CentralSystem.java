package org.chargeflow.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.ocpp.v16.Authorize;
import org.chargeflow.ocpp.v16.BootNotification;
import org.chargeflow.ocpp.v16.DataTransfer;
import org.chargeflow.ocpp.v16.DiagnosticsStatusNotification;
import org.chargeflow.ocpp.v16.FirmwareStatusNotification;
import org.chargeflow.ocpp.v16.Heartbeat;
import org.chargeflow.ocpp.v16.MeterValues;
import org.chargeflow.ocpp.v16.StartTransaction;
import org.chargeflow.ocpp.v16.StatusNotification;
import org.chargeflow.ocpp.v16.StopTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

import static org.chargeflow.ocpp.OcppErrorCode.GenericError;
import static org.chargeflow.ocpp.OcppErrorCode.InternalError;
import static org.chargeflow.ocpp.OcppErrorCode.NotImplemented;
import static org.chargeflow.ocpp.OcppErrorCode.NotSupported;

/**
 * The central system's side of OCPP 1.6J: reads each frame, validates it against the schema, hands
 * calls to {@link ChargePointMessages} and answers; CALLRESULTs and CALLERRORs go to the call waiting
 * for them. A frame that is not valid changes nothing and is answered with the fitting CALLERROR.
 */
@Component
class CentralSystem {

    private static final Logger log = LoggerFactory.getLogger(CentralSystem.class);

    private final OcppFrameCodec codec;
    private final Ocpp16Schemas schemas;
    private final ObjectMapper json;
    private final Map<String, Handler<?>> handlers = new HashMap<>();

    CentralSystem(OcppFrameCodec codec, Ocpp16Schemas schemas, ObjectMapper json, ChargePointMessages messages) {
        this.codec = codec;
        this.schemas = schemas;
        this.json = json;
        on("BootNotification", BootNotification.Request.class, messages::bootNotification);
        on("Heartbeat", Heartbeat.Request.class, messages::heartbeat);
        on("StatusNotification", StatusNotification.Request.class, messages::statusNotification);
        on("Authorize", Authorize.Request.class, messages::authorize);
        on("StartTransaction", StartTransaction.Request.class, messages::startTransaction);
        on("StopTransaction", StopTransaction.Request.class, messages::stopTransaction);
        on("MeterValues", MeterValues.Request.class, messages::meterValues);
        on("DataTransfer", DataTransfer.Request.class, messages::dataTransfer);
        on("DiagnosticsStatusNotification", DiagnosticsStatusNotification.Request.class, messages::diagnosticsStatus);
        on("FirmwareStatusNotification", FirmwareStatusNotification.Request.class, messages::firmwareStatus);
    }

    private <R> void on(String action, Class<R> type, BiFunction<String, R, CompletableFuture<?>> handler) {
        handlers.put(action, new Handler<>(type, handler));
    }

    /** Handles one inbound frame; completes once it has been answered (or dropped). */
    CompletableFuture<Void> process(ChargerConnection connection, String text) {
        OcppFrame frame;
        try {
            frame = codec.read(text);
        } catch (OcppError error) {
            log.info("Bad frame from {}: {}", connection.chargerId(), error.getMessage());
            connection.send(codec.error(error));
            return CompletableFuture.completedFuture(null);
        }
        if (frame instanceof OcppFrame.Call call) {
            return answer(connection, call);
        }
        boolean expected;
        if (frame instanceof OcppFrame.CallResult result) {
            expected = connection.answered(result.messageId(), result.payload());
        } else {
            OcppFrame.CallError error = (OcppFrame.CallError) frame;
            expected = connection.failed(error.messageId(), error.errorCode(), error.description());
        }
        if (!expected) {
            log.info("Dropped an answer from {} to no open call: {}", connection.chargerId(), frame.messageId());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Answers a call that could not even be queued because the charger sent too many at once. */
    void refuseOverload(ChargerConnection connection, String text) {
        String messageId;
        try {
            messageId = codec.read(text).messageId();
        } catch (OcppError error) {
            messageId = error.messageId();
        }
        connection.send(codec.error(new OcppError(GenericError, messageId,
                "Too many calls at once: wait for each answer before sending the next call")));
    }

    private CompletableFuture<Void> answer(ChargerConnection connection, OcppFrame.Call call) {
        String id = call.messageId();
        CompletableFuture<?> confirmation;
        try {
            confirmation = dispatch(connection.chargerId(), call);
        } catch (OcppError error) {
            log.info("Refused {} from {}: {} {}", call.action(), connection.chargerId(), error.code(), error.getMessage());
            connection.send(codec.error(error.forMessage(id)));
            return CompletableFuture.completedFuture(null);
        }
        return confirmation.handle((result, failure) -> {
            if (failure == null) {
                connection.send(codec.result(id, result));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                log.error("{} from {} failed", call.action(), connection.chargerId(), cause);
                connection.send(codec.error(cause instanceof OcppError e ? e.forMessage(id)
                        : new OcppError(InternalError, id, "The central system could not process " + call.action())));
            }
            return null;
        });
    }

    private CompletableFuture<?> dispatch(String chargerId, OcppFrame.Call call) {
        Handler<?> handler = handlers.get(call.action());
        if (handler == null) {
            throw schemas.knows(call.action())
                    ? new OcppError(NotSupported, call.messageId(), call.action() + " is not sent by a charge point to the central system")
                    : new OcppError(NotImplemented, call.messageId(), "Unknown action " + call.action());
        }
        Optional<OcppError> invalid = schemas.validate(call.action(), Ocpp16Schemas.Kind.REQUEST, call.payload(), call.messageId());
        if (invalid.isPresent()) {
            throw invalid.get();
        }
        return handler.handle(chargerId, call, json);
    }

    private record Handler<R>(Class<R> type, BiFunction<String, R, CompletableFuture<?>> handler) {

        CompletableFuture<?> handle(String chargerId, OcppFrame.Call call, ObjectMapper json) {
            R request;
            try {
                request = json.treeToValue(call.payload(), type);
            } catch (JsonProcessingException e) {
                throw new OcppError(OcppErrorCode.FormationViolation, call.messageId(), call.action() + ": " + e.getOriginalMessage());
            }
            return handler.apply(chargerId, request);
        }
    }
}
