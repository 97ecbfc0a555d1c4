package org.chargeflow.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Another transaction holding a row lock, as an engine transaction or a batch of writes would. */
public final class RowLocks {

    private RowLocks() {
    }

    /** Runs {@code selectForUpdate} for {@code id} in a transaction left open: roll it back to release the lock. */
    public static Connection lockedRow(DataSource dataSource, String selectForUpdate, String id) throws SQLException {
        Connection transaction = dataSource.getConnection();
        transaction.setAutoCommit(false);
        try (PreparedStatement lock = transaction.prepareStatement(selectForUpdate)) {
            lock.setString(1, id);
            lock.executeQuery().close();
        }
        return transaction;
    }
}
