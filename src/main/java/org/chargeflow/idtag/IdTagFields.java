package org.chargeflow.idtag;

import org.chargeflow.platform.web.Fields;

import java.time.Instant;
import java.util.List;

/** What a client sends for an id tag; {@link #checked()} refuses anything invalid. A missing status means Accepted. */
public record IdTagFields(String status, Instant expiryDate, String parentIdTag, Long vehicleId) {

    static final List<String> STATUSES = List.of("Accepted", "Blocked", "Expired", "Invalid");

    IdTagFields checked() {
        String checkedStatus = status == null ? "Accepted" : Fields.oneOf("status", status, STATUSES);
        return new IdTagFields(checkedStatus, expiryDate, Fields.optional("parentIdTag", parentIdTag, 20), vehicleId);
    }
}
