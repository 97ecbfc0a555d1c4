package org.chargeflow.ocpp;

/** A call to a charger that did not succeed: answered with CALLERROR, not answered in time, or refused locally. */
public class ChargerCallException extends RuntimeException {

    private final String errorCode;

    public ChargerCallException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The OCPP error code the charger answered with, or {@code Timeout} / {@code TooManyCalls}. */
    public String errorCode() {
        return errorCode;
    }
}
