package org.chargeflow.ocpp.v16;

/** OCPP 1.6 Authorize: sent by a charge point to the central system. */
public final class Authorize {

    private Authorize() {
    }

    public record Request(
            String idTag) {
    }

    public record Confirmation(
            IdTagInfo idTagInfo) {
    }
}
