package org.chargeflow.platform.database;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An index Camunda's MySQL schema lacks: the engine looks for a task's subtasks by PARENT_TASK_ID_
 * each time a task ends, which without it reads every open task (a full scan per charging session,
 * growing with the number of sessions charging). Created here rather than by Flyway because the engine
 * creates its tables when it starts, which on an empty database comes after the migrations.
 */
@Component
class EngineIndexes implements InitializingBean {

    private final JdbcClient jdbc;

    /** Takes the engine only to be created after it, that is after its tables. */
    EngineIndexes(ProcessEngine engine, JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.sql("CREATE INDEX IF NOT EXISTS CF_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)").update();
    }
}
