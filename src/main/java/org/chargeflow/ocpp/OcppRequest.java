package org.chargeflow.ocpp;

/**
 * A call the central system sends to a charge point, typed by the confirmation it gets back.
 * The action name is the message's class name in {@code org.chargeflow.ocpp.v16} (e.g. Reset).
 */
public interface OcppRequest<C> {

    Class<C> confirmationType();

    default String action() {
        return getClass().getEnclosingClass().getSimpleName();
    }
}
