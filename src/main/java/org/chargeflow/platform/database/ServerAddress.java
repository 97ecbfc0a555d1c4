package org.chargeflow.platform.database;

/** A MariaDB server: its JDBC URL without a database name, and the account to use. */
record ServerAddress(String url, String user, String password) {

    String urlFor(String database) {
        return url + database;
    }

    @Override
    public String toString() {
        return "ServerAddress[" + url + ", user=" + user + "]";
    }
}
