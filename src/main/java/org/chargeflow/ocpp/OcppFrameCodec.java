package org.chargeflow.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.springframework.stereotype.Component;

import static org.chargeflow.ocpp.OcppError.UNKNOWN_MESSAGE_ID;
import static org.chargeflow.ocpp.OcppErrorCode.FormationViolation;
import static org.chargeflow.ocpp.OcppErrorCode.ProtocolError;

/** Reads and writes OCPP-J frames: {@code [2,id,action,payload]}, {@code [3,id,payload]}, {@code [4,id,code,text,details]}. */
@Component
public class OcppFrameCodec {

    private static final int MAX_MESSAGE_ID_LENGTH = 36;

    private final ObjectMapper json;

    public OcppFrameCodec(ObjectMapper json) {
        this.json = json;
    }

    public OcppFrame read(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OcppError(FormationViolation, UNKNOWN_MESSAGE_ID, "The frame is not valid JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new OcppError(FormationViolation, UNKNOWN_MESSAGE_ID, "An OCPP-J frame is a JSON array");
        }
        String id = messageId(root);
        JsonNode type = root.get(0);
        if (!type.isInt()) {
            throw new OcppError(FormationViolation, id, "The first element must be the message type 2, 3 or 4");
        }
        return switch (type.intValue()) {
            case OcppFrame.CALL -> call(root, id);
            case OcppFrame.CALL_RESULT -> {
                expectSize(root, 3, id, "[3, messageId, payload]");
                yield new OcppFrame.CallResult(id, root.get(2));
            }
            case OcppFrame.CALL_ERROR -> {
                expectSize(root, 5, id, "[4, messageId, errorCode, errorDescription, errorDetails]");
                yield new OcppFrame.CallError(id, root.get(2).asText(), root.get(3).asText(), root.get(4));
            }
            default -> throw new OcppError(ProtocolError, id, "Unknown message type " + type.intValue()
                    + ": expected 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)");
        };
    }

    private static OcppFrame.Call call(JsonNode root, String id) {
        expectSize(root, 4, id, "[2, messageId, action, payload]");
        if (!root.get(2).isTextual() || root.get(2).asText().isBlank()) {
            throw new OcppError(FormationViolation, id, "The action must be a non-empty string");
        }
        if (!root.get(3).isObject()) {
            throw new OcppError(FormationViolation, id, "The payload must be a JSON object");
        }
        return new OcppFrame.Call(id, root.get(2).asText(), root.get(3));
    }

    private static String messageId(JsonNode root) {
        JsonNode id = root.get(1);
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new OcppError(FormationViolation, UNKNOWN_MESSAGE_ID, "The second element must be the message id (a string)");
        }
        if (id.asText().length() > MAX_MESSAGE_ID_LENGTH) {
            throw new OcppError(FormationViolation, UNKNOWN_MESSAGE_ID,
                    "The message id is longer than " + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        return id.asText();
    }

    private static void expectSize(JsonNode root, int size, String id, String shape) {
        if (root.size() != size) {
            throw new OcppError(FormationViolation, id, "Expected " + shape + " but got " + root.size() + " elements");
        }
    }

    public String call(String messageId, String action, JsonNode payload) {
        ArrayNode frame = json.createArrayNode().add(OcppFrame.CALL).add(messageId).add(action);
        frame.add(payload);
        return frame.toString();
    }

    public String result(String messageId, Object payload) {
        ArrayNode frame = json.createArrayNode().add(OcppFrame.CALL_RESULT).add(messageId);
        frame.add(json.valueToTree(payload));
        return frame.toString();
    }

    public String error(OcppError error) {
        return json.createArrayNode().add(OcppFrame.CALL_ERROR).add(error.messageId()).add(error.code().name())
                .add(error.getMessage() == null ? "" : error.getMessage()).add(json.createObjectNode()).toString();
    }
}
