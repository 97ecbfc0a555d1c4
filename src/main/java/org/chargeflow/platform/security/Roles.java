package org.chargeflow.platform.security;

/**
 * The Camunda groups ChargeFlow gives rights to (see {@link GroupsAndRights}). Users are made members
 * in the Admin app or through the REST API; the groups themselves are created at startup.
 */
public final class Roles {

    /** Start, watch, stop and reset charging in Tasklist. */
    public static final String OPERATORS = "operators";
    /** Read every process, instance and incident in Cockpit, and retry failed steps; start and complete nothing. */
    public static final String ANALYSTS = "analysts";
    /** Everything, like Camunda's own camunda-admin group. */
    public static final String ADMINS = "admins";

    private Roles() {
    }
}
