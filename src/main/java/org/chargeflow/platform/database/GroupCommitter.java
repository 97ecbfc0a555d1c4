package org.chargeflow.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes many small statements from many threads as few JDBC batches in few transactions.
 * Callers get a future that completes once their rows are committed, so a charger's message can be
 * answered only after what it reported is stored, without a transaction and a round trip per message.
 * Under light load a write goes out at once; under heavy load batches grow by themselves.
 * Writes are applied in submission order.
 *
 * <p>Each instance writes on a thread and a connection of its own (see {@link GroupCommitters}), so
 * writes that may wait for a row lock held by an engine transaction do not hold up the others.
 *
 * <p>The futures of a batch complete one after another in a single task on the {@code completions}
 * executor, never on the writer thread: what callers chain without an executor of its own runs there,
 * and a batch of a hundred writes wakes one thread, not a hundred.
 */
public class GroupCommitter implements AutoCloseable {

    /** The qualifier of the committer for charging sessions' latest readings. */
    public static final String SESSION_READINGS = "sessionReadingsCommitter";

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_WRITES_PER_BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Executor completions;
    private final Thread writer;
    private volatile boolean running = true;

    /** {@code connections} must hand out connections with auto-commit off (see {@link GroupCommitters}). */
    GroupCommitter(String name, DataSource connections, Executor completions) {
        this.jdbc = new JdbcTemplate(connections);
        this.completions = completions;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connections));
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues {@code sql} once per row; completes when committed, or exceptionally if it failed. */
    public CompletableFuture<Void> submit(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return enqueue(new Write(sql, rows, false)).thenAccept(noKey -> { });
    }

    /**
     * Queues one insert and completes, once committed, with the key it generated (for an upsert that sets
     * {@code LAST_INSERT_ID(id)}, the key of the row it found). It runs in its batch as a statement of its own.
     */
    public CompletableFuture<Long> insert(String sql, Object... row) {
        return enqueue(new Write(sql, Collections.singletonList(row), true));
    }

    private CompletableFuture<Long> enqueue(Write write) {
        queue.add(write);
        // Shutting down: the writer may already be gone. If it has not taken the write, nobody will.
        if (!running && queue.remove(write)) {
            write.done.completeExceptionally(new IllegalStateException("The application is shutting down"));
        }
        return write.done;
    }

    public CompletableFuture<Void> submit(String sql, Object... row) {
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(row);
        return submit(sql, rows);
    }

    private void run() {
        List<Write> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Write first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_WRITES_PER_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Write> batch) {
        List<Runnable> outcomes = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(tx -> executeInOrder(batch));
            batch.forEach(w -> outcomes.add(completion(w)));
        } catch (RuntimeException batchFailed) {
            // One bad write must not fail its neighbours: retry each on its own.
            for (Write write : batch) {
                try {
                    transactions.executeWithoutResult(tx -> executeInOrder(List.of(write)));
                    outcomes.add(completion(write));
                } catch (RuntimeException e) {
                    log.warn("Write failed: {}", e.getMessage());
                    outcomes.add(() -> write.done.completeExceptionally(e));
                }
            }
        }
        try {
            completions.execute(() -> outcomes.forEach(Runnable::run));
        } catch (RejectedExecutionException shuttingDown) {
            outcomes.forEach(Runnable::run);
        }
    }

    private static Runnable completion(Write write) {
        Long key = write.key;
        return () -> write.done.complete(key);
    }

    /** Consecutive writes of the same statement become one JDBC batch; an insert that returns its key stands alone. */
    private void executeInOrder(List<Write> writes) {
        String sql = null;
        List<Object[]> rows = new ArrayList<>();
        for (Write write : writes) {
            if ((write.returnsKey || !write.sql.equals(sql)) && sql != null) {
                jdbc.batchUpdate(sql, rows);
                rows = new ArrayList<>();
                sql = null;
            }
            if (write.returnsKey) {
                write.key = insertReturningKey(write.sql, write.rows.get(0));
            } else {
                sql = write.sql;
                rows.addAll(write.rows);
            }
        }
        if (sql != null) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private Long insertReturningKey(String sql, Object[] row) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(row).setValues(statement);
            return statement;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Stops taking writes; the queued ones get time for a few lock waits (a batch's, then its rows' one by one). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(3L * GroupCommitters.LOCK_WAIT_SECONDS));
    }

    /** One caller's statement and rows; {@code key} is set by the writer thread only. */
    private static final class Write {

        final String sql;
        final List<Object[]> rows;
        final boolean returnsKey;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        Long key;

        Write(String sql, List<Object[]> rows, boolean returnsKey) {
            this.sql = sql;
            this.rows = rows;
            this.returnsKey = returnsKey;
        }
    }
}
