package org.chargeflow.platform.security;

/** The Camunda groups that decide what a user may do in ChargeFlow. */
public final class Groups {

    /** Run chargers: start, stop and reset charging; register chargers and vehicles. */
    public static final String OPERATORS = "operators";
    /** Read everything, change nothing. */
    public static final String ANALYSTS = "analysts";
    /** Everything, including users and rights. */
    public static final String ADMINS = "admins";
    /** Camunda's own administrators group. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private Groups() {
    }
}
