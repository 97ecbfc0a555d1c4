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
    static final String ENERGY_DELIVERED_KWH = "energyDeliveredKwh";

    /** Live readings, refreshed while charging for the Charging task; runtime only, never in the history. */
    static final String LIVE_PREFIX = "live";
    static final String LIVE_ENERGY_KWH = "liveEnergyKwh";
    static final String LIVE_POWER_KW = "livePowerKw";
    static final String LIVE_MINUTES = "liveMinutes";
    static final String LIVE_PROGRESS_PERCENT = "liveProgressPercent";
    static final String LIVE_READING_AT = "liveReadingAt";

    static boolean isLiveReading(String variableName) {
        return variableName != null && variableName.startsWith(LIVE_PREFIX);
    }

    private SessionVariables() {
    }
}
