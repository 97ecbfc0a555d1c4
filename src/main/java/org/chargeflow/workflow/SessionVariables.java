package org.chargeflow.workflow;

/** Names of the charging-session process variables (the start variables are a public contract). */
final class SessionVariables {

    static final String CHARGER_ID = "chargerId";
    static final String CONNECTOR_ID = "connectorId";
    static final String DESCRIPTION = "description";
    static final String SESSION_POWER_KW = "sessionPowerKw";
    static final String SESSION_ENERGY_KWH = "sessionEnergyKwh";
    static final String SESSION_ID = "sessionId";
    static final String ID_TAG = "idTag";
    static final String TRANSACTION_ID = "transactionId";
    static final String POWER_LIMIT_W = "powerLimitW";
    static final String STOP_REASON = "stopReason";

    private SessionVariables() {
    }
}
