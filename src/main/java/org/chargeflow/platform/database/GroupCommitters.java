package org.chargeflow.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;

/**
 * Two group committers. The primary one stores what chargers report, and chargers wait for it before
 * they are answered. Charging sessions' latest readings go through the second: their rows are also
 * locked by engine transactions (a session starting or stopping), and waiting for those locks must
 * never delay a charger's answer.
 *
 * <p>The committers write over connections of their own that stay out of auto-commit: a batch then
 * costs its statements and one COMMIT, not two more round trips to switch auto-commit off and on.
 */
@Configuration(proxyBeanMethods = false)
class GroupCommitters {

    static final int LOCK_WAIT_SECONDS = 5;

    @Bean(destroyMethod = "close")
    CommitterConnections committerConnections(DataSource dataSource) {
        if (!(dataSource instanceof HikariConfig application)) {
            throw new IllegalStateException("The group committers expect the application's Hikari pool, not "
                    + dataSource.getClass().getName());
        }
        HikariConfig config = new HikariConfig();
        application.copyStateTo(config);
        config.setPoolName("group-committers");
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2); // one connection per committer
        config.setMinimumIdle(2);
        // A batch waiting for a row lock holds up every write behind it, and shutdown waits for the
        // queue: give up after seconds (the batch is then retried write by write), not InnoDB's 50 s.
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS);
        return new CommitterConnections(new HikariDataSource(config));
    }

    @Bean
    @Primary
    GroupCommitter groupCommitter(CommitterConnections connections) {
        return new GroupCommitter("group-committer", connections.pool());
    }

    @Bean(GroupCommitter.SESSION_READINGS)
    GroupCommitter sessionReadingsCommitter(CommitterConnections connections) {
        return new GroupCommitter("session-readings-committer", connections.pool());
    }

    /** The committers' own pool; deliberately not a DataSource bean, which would replace the application's. */
    record CommitterConnections(HikariDataSource pool) implements AutoCloseable {

        @Override
        public void close() {
            pool.close();
        }
    }
}
