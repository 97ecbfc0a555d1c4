package org.chargeflow.platform;

import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

@IntegrationTest
class FoundationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void camundaAndOurOwnTablesLiveInMariaDb() {
        assertThat(jdbc.sql("SELECT VERSION()").query(String.class).single()).containsIgnoringCase("MariaDB");
        List<String> tables = jdbc.sql("""
                SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()""")
                .query(String.class).list();
        assertThat(tables).contains("act_ru_execution", "act_re_procdef", "act_id_user",
                "chargeflow_schema_history", "charger");
        assertThat(jdbc.sql("SELECT MAX(version) FROM chargeflow_schema_history WHERE success = 1")
                .query(String.class).single()).isNotBlank();
    }

    @Test
    void lookupsMadeForEverySessionHaveTheirIndexes() {
        assertThat(indexedColumns("ACT_RU_TASK", "CF_IDX_TASK_PARENT")).containsExactly("PARENT_TASK_ID_");
        assertThat(indexedColumns("charging_session", "ix_session_charger_state")).containsExactly("charger_id", "state");
    }

    @Test
    void meterValuesAreIndexedOnlyForTheQueryThatReadsThem() {
        assertThat(jdbc.sql("""
                        SELECT DISTINCT index_name FROM information_schema.statistics
                        WHERE table_schema = DATABASE() AND table_name = 'meter_value'""")
                .query(String.class).list()).containsExactlyInAnyOrder("PRIMARY", "ix_meter_transaction");
        assertThat(indexedColumns("meter_value", "ix_meter_transaction")).containsExactly("transaction_id", "sampled_at");
    }

    private List<String> indexedColumns(String table, String index) {
        return jdbc.sql("""
                        SELECT column_name FROM information_schema.statistics
                        WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? ORDER BY seq_in_index""")
                .params(table, index).query(String.class).list();
    }

    @Test
    void connectionsRunReadCommitted() {
        assertThat(jdbc.sql("SELECT @@tx_isolation").query(String.class).single()).isEqualTo("READ-COMMITTED");
    }

    @Test
    void engineRestRequiresACamundaUser() {
        assertThat(http.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/process-definition", Http.basic("nobody", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http.get("/engine-rest/process-definition?key=charging-session",
                Http.basic(ADMIN, ADMIN_PASSWORD));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"key\":\"charging-session\"");
    }

    @Test
    void formsAreDeployedNextToTheProcesses() {
        HttpResponse<String> deployments = http.get("/engine-rest/deployment", Http.basic(ADMIN, ADMIN_PASSWORD));
        String deploymentId = deployments.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> resources = http.get("/engine-rest/deployment/" + deploymentId + "/resources",
                Http.basic(ADMIN, ADMIN_PASSWORD));
        assertThat(resources.body()).contains("charging-session.bpmn").contains("start-charging.form");
    }

    @Test
    void webAppsNeedALoginAndWorkAfterIt() {
        assertThat(http.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(401);
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = http.logIntoCamunda("nobody", "nothing");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> login = http.logIntoCamunda(ADMIN, ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"" + ADMIN + "\"").contains("tasklist").contains("cockpit");

        HttpResponse<String> count = http.get("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).matches("\\{\"count\":[1-9]\\d*}");
    }

    @Test
    void ourEndpointsAndMetricsNeedALoginButHealthIsPublic() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/chargers").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/chargers").headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        HttpResponse<String> pageLoad = http.send(HttpRequest.newBuilder(URI.create(http.url("/api/chargers")))
                .header("Accept", "text/html,application/xhtml+xml"));
        assertThat(pageLoad.statusCode()).isEqualTo(401);
        assertThat(pageLoad.headers().firstValue("WWW-Authenticate"))
                .as("no browser password dialog, whose password the browser would send cross-site").isEmpty();
        HttpResponse<String> metrics = http.get("/actuator/prometheus", Http.basic(ADMIN, ADMIN_PASSWORD));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthCoversTheDatabaseAndTheEngine() {
        assertThat(http.get("/actuator/health/db").body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/processEngine").body()).contains("\"status\":\"UP\"");
    }
}
