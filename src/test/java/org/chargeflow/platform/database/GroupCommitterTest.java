package org.chargeflow.platform.database;

import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group committer against the real database: batches, a bad write on its own, shutdown. */
@IntegrationTest
class GroupCommitterTest {

    private static final String INSERT = "INSERT INTO committer_probe (id, label) VALUES (?, ?)";

    @Autowired
    GroupCommitter committer;
    @Autowired
    GroupCommitters.CommitterConnections connections;
    @Autowired
    JdbcClient jdbc;

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
