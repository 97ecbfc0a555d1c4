package org.chargeflow.idtag;

import java.time.Instant;

/** The answer to "may this id tag charge?": Accepted, Blocked, Expired, Invalid or ConcurrentTx. */
public record IdTagAuthorization(String status, Instant expiryDate, String parentIdTag) {

    public static final String ACCEPTED = "Accepted";

    public static IdTagAuthorization invalid() {
        return new IdTagAuthorization("Invalid", null, null);
    }

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
