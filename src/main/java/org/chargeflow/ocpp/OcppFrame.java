package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;

/** One OCPP-J message as it travels over the WebSocket. */
public sealed interface OcppFrame {

    int CALL = 2;
    int CALL_RESULT = 3;
    int CALL_ERROR = 4;

    String messageId();

    record Call(String messageId, String action, JsonNode payload) implements OcppFrame {
    }

    record CallResult(String messageId, JsonNode payload) implements OcppFrame {
    }

    record CallError(String messageId, String errorCode, String description, JsonNode details) implements OcppFrame {
    }
}
