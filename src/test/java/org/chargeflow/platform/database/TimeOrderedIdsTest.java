package org.chargeflow.platform.database;

import org.camunda.bpm.engine.RuntimeService;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's ids grow with time, so its rows go to the end of their indexes. */
@IntegrationTest
class TimeOrderedIdsTest {

    private static final String VERSION_6 = "[0-9a-f]{8}-[0-9a-f]{4}-6[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Autowired
    TimeOrderedIds ids;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @Test
    void idsMadeOneAfterAnotherSortAsTheyWereMade() {
        List<String> made = IntStream.range(0, 10_000).mapToObj(i -> ids.getNextId()).toList();

        assertThat(made).doesNotHaveDuplicates().isSorted();
        assertThat(made).allMatch(id -> id.matches(VERSION_6));
    }

    @Test
    void theEngineUsesThemAndTheDatabaseSortsThemTheSameWay() {
        String before = ids.getNextId();
        String first = runtime.startProcessInstanceByKey("charging-session", Map.of("chargerId", "no-such-charger",
                "connectorId", 1)).getId();
        String second = runtime.startProcessInstanceByKey("charging-session", Map.of("chargerId", "no-such-charger",
                "connectorId", 1)).getId();

        assertThat(List.of(first, second)).allMatch(id -> id.matches(VERSION_6));
        assertThat(List.of(before, first, second)).isSorted();
        List<String> inIndexOrder = jdbc.sql("""
                        SELECT ID_ FROM ACT_HI_PROCINST WHERE ID_ IN (?, ?) ORDER BY ID_""")
                .params(first, second).query(String.class).list();
        assertThat(inIndexOrder).containsExactly(first, second);
    }
}
