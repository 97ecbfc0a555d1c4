package org.chargeflow.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns when MariaDB's redo log is too small for charging traffic. With the default 96 MB, a few minutes of
 * sessions and meter values fill it, and InnoDB then holds every write until it has flushed pages to disk:
 * stalls of one to several seconds for every charger's answer (docs/BENCHMARKS.md). The application cannot
 * change it for the database's owner; the README says how.
 */
@Component
class RedoLogCheck {

    static final long RECOMMENDED_BYTES = 512L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(RedoLogCheck.class);

    private final JdbcClient jdbc;

    RedoLogCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfTooSmall() {
        long bytes = redoLogBytes();
        if (bytes < RECOMMENDED_BYTES) {
            log.warn("MariaDB's redo log (innodb_log_file_size) is {} MB: under sustained charging traffic InnoDB "
                    + "will stall writes for seconds when it fills. Set it to {} MB or more (README, \"Database settings\").",
                    bytes >> 20, RECOMMENDED_BYTES >> 20);
        }
    }

    private long redoLogBytes() {
        return jdbc.sql("SELECT @@innodb_log_file_size").query(Long.class).single();
    }
}
