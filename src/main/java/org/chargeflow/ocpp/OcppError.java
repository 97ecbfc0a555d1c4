package org.chargeflow.ocpp;

/**
 * Something to answer with a CALLERROR: the code, a description a person can act on, and the id of
 * the message it answers ({@code "-1"} when the frame was too broken to read one).
 */
public class OcppError extends RuntimeException {

    public static final String UNKNOWN_MESSAGE_ID = "-1";

    private final OcppErrorCode code;
    private final String messageId;

    public OcppError(OcppErrorCode code, String messageId, String description) {
        super(description, null, false, false);
        this.code = code;
        this.messageId = messageId;
    }

    public OcppErrorCode code() {
        return code;
    }

    public String messageId() {
        return messageId;
    }

    public OcppError forMessage(String id) {
        return new OcppError(code, id, getMessage());
    }
}
