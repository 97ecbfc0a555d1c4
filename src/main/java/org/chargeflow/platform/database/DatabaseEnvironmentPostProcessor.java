package org.chargeflow.platform.database;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which MariaDB the application uses, before any bean touches a DataSource:
 * <ol>
 *   <li>the server named by {@code spring.datasource.url} (e.g. SPRING_DATASOURCE_URL), else</li>
 *   <li>a local server at {@code chargeflow.database.local-server-url}, if that property is set and the
 *       server answers (the test suite sets it), else</li>
 *   <li>an embedded MariaDB started from the jar, with its data in {@code chargeflow.embedded-db.data-dir}.</li>
 * </ol>
 * With {@code chargeflow.database.fresh-schema=true} (tests) every JVM gets a new, empty database on the
 * chosen server, dropped again when the JVM exits. The decision is made once per JVM, so every Spring
 * context of a test run shares it; a test that needs a database of its own (e.g. to restart the
 * application on it) names another {@code chargeflow.database.fresh-schema-key}.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+/?)([^?]*)(\\?.*)?$");
    private static final String CONNECTION_OPTIONS = "?useUnicode=true&characterEncoding=utf8";

    private static final Map<String, Map<String, Object>> RESOLVED = new ConcurrentHashMap<>();
    private static volatile ServerAddress sharedServer;

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String key = env.getProperty("chargeflow.database.fresh-schema-key", "default");
        Map<String, Object> properties;
        synchronized (DatabaseEnvironmentPostProcessor.class) {
            properties = RESOLVED.computeIfAbsent(key, k -> resolve(env));
        }
        if (!properties.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("chargeflowDatabase", properties));
        }
    }

    private Map<String, Object> resolve(ConfigurableEnvironment env) {
        String explicitUrl = env.getProperty("spring.datasource.url", "");
        boolean freshSchema = env.getProperty("chargeflow.database.fresh-schema", Boolean.class, false);
        ServerAddress server;
        String options = CONNECTION_OPTIONS;
        if (!explicitUrl.isBlank()) {
            Matcher m = JDBC_URL.matcher(explicitUrl);
            if (!m.matches()) {
                throw new IllegalStateException("spring.datasource.url is not a jdbc:mariadb:// URL: " + explicitUrl);
            }
            String base = m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/";
            server = new ServerAddress(base, env.getProperty("spring.datasource.username", "root"),
                    env.getProperty("spring.datasource.password", ""));
            if (!freshSchema) {
                log.info("Using the MariaDB server configured in spring.datasource.url");
                createDatabase(server, m.group(2));
                return Map.of();
            }
            options = m.group(3) == null ? CONNECTION_OPTIONS : m.group(3);
        } else {
            server = implicitServer(env);
        }
        String database = freshSchema ? freshDatabaseName() : env.getProperty("chargeflow.database.name", "chargeflow");
        createDatabase(server, database);
        if (freshSchema) {
            ServerAddress s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(s, database), "drop-test-database"));
        }
        log.info("Using database '" + database + "' on " + server.url());
        return Map.of(
                "spring.datasource.url", server.urlFor(database) + options,
                "spring.datasource.username", server.user(),
                "spring.datasource.password", server.password());
    }

    /** The local test server if it answers, else the embedded one (started once per JVM). */
    private ServerAddress implicitServer(ConfigurableEnvironment env) {
        if (sharedServer == null) {
            ServerAddress local = localServer(env);
            if (local == null) {
                Path dataDir = Path.of(env.getProperty("chargeflow.embedded-db.data-dir", "data/mariadb")).toAbsolutePath();
                log.info("No MariaDB configured: starting the embedded MariaDB with data in " + dataDir);
                local = EmbeddedMariaDb.start(dataDir, env.getProperty("chargeflow.embedded-db.port", Integer.class, 0)).address();
            }
            sharedServer = local;
        }
        return sharedServer;
    }

    private ServerAddress localServer(ConfigurableEnvironment env) {
        String url = env.getProperty("chargeflow.database.local-server-url", "");
        if (url.isBlank()) {
            return null;
        }
        ServerAddress candidate = new ServerAddress(url.endsWith("/") ? url : url + "/",
                env.getProperty("chargeflow.database.local-server-username", "root"),
                env.getProperty("chargeflow.database.local-server-password", ""));
        try (Connection ignored = DriverManager.getConnection(candidate.url() + "?connectTimeout=2000",
                candidate.user(), candidate.password())) {
            log.info("A MariaDB server answers at " + candidate.url() + ": using it");
            return candidate;
        } catch (SQLException e) {
            log.info("No MariaDB server answers at " + candidate.url() + " (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String freshDatabaseName() {
        return "chargeflow_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static void createDatabase(ServerAddress server, String database) {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database '" + database + "' on " + server, e);
        }
    }

    private static void dropQuietly(ServerAddress server, String database) {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            // The server may already be gone at JVM exit (embedded); its data folder is scratch then.
        }
    }
}
