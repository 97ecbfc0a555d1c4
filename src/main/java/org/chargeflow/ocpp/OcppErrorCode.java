package org.chargeflow.ocpp;

/** The CALLERROR codes of OCPP-J 1.6 (section 4.2.3). */
public enum OcppErrorCode {
    /** The requested action is not known by the receiver. */
    NotImplemented,
    /** The requested action is recognized but not supported by the receiver. */
    NotSupported,
    /** An internal error occurred and the receiver could not process the action. */
    InternalError,
    /** The payload is incomplete. */
    ProtocolError,
    /** A security issue prevented the receiver from completing the action. */
    SecurityError,
    /** The payload is syntactically incorrect or does not conform to the PDU structure. */
    FormationViolation,
    /** A field contains an invalid value. */
    PropertyConstraintViolation,
    /** A field violates occurrence constraints (e.g. a required field is missing). */
    OccurenceConstraintViolation,
    /** A field violates data type constraints. */
    TypeConstraintViolation,
    /** Any other error. */
    GenericError
}
