package org.chargeflow.workflow;

/**
 * A step needs the session's row and it is gone. Thrown from an asynchronous step this becomes an
 * incident in Cockpit; the message says which session and what to do before retrying.
 */
class SessionNotFound extends IllegalStateException {

    SessionNotFound(long sessionId) {
        super("Charging session " + sessionId + " is not in the database (table charging_session):"
                + " restore the row or correct the variable sessionId, then retry");
    }
}
