package org.chargeflow.ocpp;

/** A call to a charger that has no live OCPP connection. */
public class ChargerNotConnectedException extends RuntimeException {

    public ChargerNotConnectedException(String chargerId, String action) {
        super("Charger " + chargerId + " is not connected: cannot send " + action);
    }
}
