package org.chargeflow.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.chargeflow.platform.DaemonThreads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Three group committers. The primary one stores what chargers report, and chargers wait for it before
 * they are answered. Two more take writes no charger waits for, each on its own so that neither holds up
 * the other: charging sessions' latest readings, whose rows are also locked by engine transactions (a
 * session starting or stopping), and chargers' last-seen times, thousands of rows at a time. A last-seen
 * transaction locks charger rows that the primary committer's writes need (directly, or through the
 * foreign keys of connector and transaction rows), so it must never sit waiting for an engine's lock.
 *
 * <p>The committers write over connections of their own that stay out of auto-commit: a batch then
 * costs its statements and one COMMIT, not two more round trips to switch auto-commit off and on.
 * What waits for a committed write continues on a few threads of their own ({@link #afterCommitThreads}).
 */
@Configuration(proxyBeanMethods = false)
class GroupCommitters {

    static final int LOCK_WAIT_SECONDS = 5;
    /** Several, so that one continuation that blocks (a send to a charger that stopped reading) holds up one batch only. */
    private static final int AFTER_COMMIT_THREADS = 4;

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
        config.setMaximumPoolSize(3); // one connection per committer
        config.setMinimumIdle(3);
        // A batch waiting for a row lock holds up every write behind it, and shutdown waits for the
        // queue: give up after seconds (the batch is then retried write by write), not InnoDB's 50 s.
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS);
        return new CommitterConnections(new HikariDataSource(config));
    }

    /** Destroyed after the committers, which hand it their last batches' outcomes. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService afterCommitThreads() {
        return Executors.newFixedThreadPool(AFTER_COMMIT_THREADS, DaemonThreads.named("after-commit-"));
    }

    @Bean
    @Primary
    GroupCommitter groupCommitter(CommitterConnections connections,
                                  @Qualifier("afterCommitThreads") ExecutorService afterCommitThreads) {
        return new GroupCommitter("group-committer", connections.pool(), afterCommitThreads);
    }

    @Bean(GroupCommitter.SESSION_READINGS)
    GroupCommitter sessionReadingsCommitter(CommitterConnections connections,
                                            @Qualifier("afterCommitThreads") ExecutorService afterCommitThreads) {
        return new GroupCommitter("session-readings-committer", connections.pool(), afterCommitThreads);
    }

    @Bean(GroupCommitter.LAST_SEEN)
    GroupCommitter lastSeenCommitter(CommitterConnections connections,
                                     @Qualifier("afterCommitThreads") ExecutorService afterCommitThreads) {
        return new GroupCommitter("last-seen-committer", connections.pool(), afterCommitThreads);
    }

    /** The committers' own pool; deliberately not a DataSource bean, which would replace the application's. */
    record CommitterConnections(HikariDataSource pool) implements AutoCloseable {

        @Override
        public void close() {
            pool.close();
        }
    }
}
