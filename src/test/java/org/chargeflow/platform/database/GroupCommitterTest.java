package org.chargeflow.platform.database;

import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The group committer against the real database: batches, their order, a bad write on its own, shutdown. */
@IntegrationTest
class GroupCommitterTest {

    private static final String INSERT = "INSERT INTO committer_probe (id, label) VALUES (?, ?)";

    @Autowired
    GroupCommitter committer;
    @Autowired
    GroupCommitters.CommitterConnections connections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS committer_probe (id INT PRIMARY KEY, label VARCHAR(8) NOT NULL)").update();
        jdbc.sql("DELETE FROM committer_probe").update();
    }

    @Test
    void writesFromManyThreadsAreAllCommittedAndABadOneFailsAlone() {
        List<CompletableFuture<Void>> writes = IntStream.range(0, 200).parallel()
                .mapToObj(i -> committer.submit(INSERT, i, "row" + i)).toList();
        CompletableFuture<Void> tooLong = committer.submit(INSERT, 1000, "far too long for the column");

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertThatThrownBy(tooLong::join).isInstanceOf(CompletionException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committer_probe").query(Integer.class).single()).isEqualTo(200);
    }

    @Test
    void anInsertAmongBatchedWritesCompletesWithItsGeneratedKeyAndAnUpsertWithTheKeyItFound() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS committer_keyed_probe (id INT AUTO_INCREMENT PRIMARY KEY,
                                                                  label VARCHAR(8) NOT NULL UNIQUE)""").update();
        jdbc.sql("DELETE FROM committer_keyed_probe").update();
        String upsert = "INSERT INTO committer_keyed_probe (label) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)";

        CompletableFuture<Void> before = committer.submit(INSERT, 1, "one");
        CompletableFuture<Long> first = committer.insert(upsert, "first");
        CompletableFuture<Long> second = committer.insert(upsert, "second");
        CompletableFuture<Void> after = committer.submit(INSERT, 2, "two");
        CompletableFuture<Long> again = committer.insert(upsert, "first");

        CompletableFuture.allOf(before, after).join();
        assertThat(first.join()).isEqualTo(idOf("first"));
        assertThat(second.join()).isEqualTo(idOf("second")).isNotEqualTo(first.join());
        assertThat(again.join()).isEqualTo(first.join());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committer_probe").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committer_keyed_probe").query(Integer.class).single()).isEqualTo(2);
    }

    private long idOf(String label) {
        return jdbc.sql("SELECT id FROM committer_keyed_probe WHERE label = ?").param(label).query(Long.class).single();
    }

    @Test
    void writesQueuedTogetherGoOutAsOneBatchPerStatementYetWritesToTheSameTableKeepTheirOrder() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS committer_other_probe (id INT PRIMARY KEY)").update();
        jdbc.sql("DELETE FROM committer_other_probe").update();
        jdbc.sql("INSERT INTO committer_probe (id, label) VALUES (10, '')").update();
        String append = "UPDATE committer_probe SET label = CONCAT(label, ?) WHERE id = ?";
        String replace = "UPDATE committer_probe SET label = ? WHERE id = ?";
        String other = "INSERT INTO committer_other_probe (id) VALUES (?)";
        GroupCommitter probe = new GroupCommitter("probe-committer", connections.pool(), Runnable::run);
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().executeQuery("SELECT * FROM committer_probe WHERE id = 10 FOR UPDATE").close();
            CompletableFuture<Void> blocked = probe.submit(append, "x", 10);
            await().atMost(Duration.ofSeconds(GroupCommitters.LOCK_WAIT_SECONDS)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'")
                    .query(Integer.class).single() > 0);
            // The writer waits for the lock: what follows queues up and goes out in one transaction.
            List<CompletableFuture<Void>> queued = List.of(probe.submit(other, 1), probe.submit(append, "a", 10),
                    probe.submit(other, 2), probe.submit(replace, "b", 10), probe.submit(other, 3),
                    probe.submit(append, "c", 10));
            locker.commit();

            blocked.join();
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).join();
        } finally {
            probe.close();
        }
        assertThat(jdbc.sql("SELECT label FROM committer_probe WHERE id = 10").query(String.class).single())
                .as("the second append comes after the replace, not with the first append").isEqualTo("bc");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committer_other_probe").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aWriteJoinsTheBatchOfItsStatementUnlessAWriteToItsTableComesInBetween() {
        String meter = "INSERT INTO meter_value (charger_id) VALUES (?)";
        String status = "INSERT INTO connector (charger_id) VALUES (?)";
        String start = "INSERT INTO charging_transaction (charger_id) VALUES (?)";
        String stop = "UPDATE charging_transaction SET stopped_at = NOW() WHERE id = ?";

        List<GroupCommitter.JdbcBatch> batches = GroupCommitter.jdbcBatches(List.of(write(meter, 1),
                write(status, 2), write(meter, 3), write(stop, 4), keyed(start, 5), write(meter, 6), write(stop, 7),
                write(status, 8)));

        assertThat(batches).extracting(GroupCommitter.JdbcBatch::sql).containsExactly(meter, status, stop, start, stop);
        assertThat(batches).extracting(b -> b.rows().stream().map(row -> row[0]).toList())
                .containsExactly(List.of(1, 3, 6), List.of(2, 8), List.of(4), List.of(5), List.of(7));
        assertThat(batches.get(3).keyed()).isNotNull();
    }

    @Test
    void theTableOfAStatementIsReadFromIt() {
        assertThat(GroupCommitter.tableWritten("\n  insert into `Meter_Value` (a) values (?)"))
                .isEqualTo("meter_value");
        assertThat(GroupCommitter.tableWritten("UPDATE charger SET online = ? WHERE id = ?")).isEqualTo("charger");
        assertThat(GroupCommitter.tableWritten("DELETE FROM connector WHERE charger_id = ?")).isEqualTo("connector");
        assertThatThrownBy(() -> GroupCommitter.tableWritten("SELECT 1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static GroupCommitter.Write write(String sql, int value) {
        return new GroupCommitter.Write(sql, List.<Object[]>of(new Object[]{value}), false);
    }

    private static GroupCommitter.Write keyed(String sql, int value) {
        return new GroupCommitter.Write(sql, List.<Object[]>of(new Object[]{value}), true);
    }

    @Test
    void aWriteAfterShutdownFailsAtOnceInsteadOfWaitingForever() throws InterruptedException {
        GroupCommitter closed = new GroupCommitter("closed-committer", connections.pool(), Runnable::run);
        closed.close();

        CompletableFuture<Void> late = closed.submit(INSERT, 1, "late");

        assertThat(late).isCompletedExceptionally();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committer_probe").query(Integer.class).single()).isZero();
    }

    @Test
    void whatWaitsForAWriteContinuesOnTheAfterCommitExecutorNotOnTheWriterThread() throws Exception {
        BlockingQueue<Runnable> handedOver = new LinkedBlockingQueue<>();
        GroupCommitter probe = new GroupCommitter("probe-committer", connections.pool(), handedOver::add);
        try {
            CompletableFuture<Void> write = probe.submit(INSERT, 7, "seven");

            Runnable outcomes = handedOver.poll(10, TimeUnit.SECONDS);
            assertThat(outcomes).as("the batch's outcomes handed to the executor").isNotNull();
            assertThat(jdbc.sql("SELECT label FROM committer_probe WHERE id = 7").query(String.class).single()).isEqualTo("seven");
            assertThat(write).isNotDone();
            outcomes.run();
            assertThat(write).isCompleted();
        } finally {
            probe.close();
        }
    }

    @Test
    void committerConnectionsGiveUpOnARowLockAfterSecondsNotInnoDbsFiftySeconds() {
        Integer seconds = JdbcClient.create(connections.pool()).sql("SELECT @@innodb_lock_wait_timeout")
                .query(Integer.class).single();
        assertThat(seconds).isEqualTo(GroupCommitters.LOCK_WAIT_SECONDS);
    }
}
