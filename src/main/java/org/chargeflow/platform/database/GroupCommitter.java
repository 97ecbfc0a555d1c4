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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes many small statements from many threads as few JDBC batches in few transactions.
 * Callers get a future that completes once their rows are committed, so a charger's message can be
 * answered only after what it reported is stored, without a transaction and a round trip per message.
 * Under light load a write goes out at once; under heavy load batches grow by themselves.
 * Writes to the same table are applied in submission order; writes of the same statement in one
 * transaction go out as one JDBC batch (see {@link #jdbcBatches}).
 *
 * <p>Each instance writes on a thread and a connection of its own (see {@link GroupCommitters}), so
 * writes that may wait for a row lock held by an engine transaction do not hold up the others.
 *
 * <p>The futures of a batch complete one after another in a single task on the {@code completions}
 * executor, never on the writer thread: what callers chain without an executor of its own runs there,
 * and a batch of a hundred writes wakes one thread, not a hundred.
 */
public class GroupCommitter implements AutoCloseable {

    /** The qualifier of the committer for charging sessions' latest readings (see {@link GroupCommitters}). */
    public static final String SESSION_READINGS = "sessionReadingsCommitter";
    /** The qualifier of the committer for chargers' last-seen times (see {@link GroupCommitters}). */
    public static final String LAST_SEEN = "lastSeenCommitter";

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final int MAX_WRITES_PER_BATCH = 2_000;
    /** Statements and the table each writes: the statements are the application's constants, a handful. */
    private static final Map<String, String> TABLES = new ConcurrentHashMap<>();
    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+`?(\\w+)",
            Pattern.CASE_INSENSITIVE);

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
            transactions.executeWithoutResult(tx -> execute(batch));
            batch.forEach(w -> outcomes.add(completion(w)));
        } catch (RuntimeException batchFailed) {
            // One bad write must not fail its neighbours: retry each on its own.
            for (Write write : batch) {
                try {
                    transactions.executeWithoutResult(tx -> execute(List.of(write)));
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

    private void execute(List<Write> writes) {
        for (JdbcBatch batch : jdbcBatches(writes)) {
            if (batch.keyed() != null) {
                batch.keyed().key = insertReturningKey(batch.sql(), batch.rows().get(0));
            } else {
                jdbc.batchUpdate(batch.sql(), batch.rows());
            }
        }
    }

    /**
     * The JDBC batches for one transaction's writes: a write joins the batch of an earlier write of the same
     * statement unless a write to its table comes in between (so writes to the same rows keep their order);
     * an insert that returns its key stands alone. Under load a transaction holds a hundred writes of a few
     * statements, interleaved as the chargers sent them: a few round trips instead of one per change of statement.
     * Writes to different tables may go out in another order than submitted: they were submitted concurrently,
     * since a write submitted after another one committed is never in the same transaction.
     */
    static List<JdbcBatch> jdbcBatches(List<Write> writes) {
        List<JdbcBatch> batches = new ArrayList<>();
        for (Write write : writes) {
            JdbcBatch joined = write.returnsKey ? null : batchToJoin(batches, write);
            if (joined != null) {
                joined.rows().addAll(write.rows);
            } else {
                batches.add(new JdbcBatch(write.sql, write.table, new ArrayList<>(write.rows),
                        write.returnsKey ? write : null));
            }
        }
        return batches;
    }

    private static JdbcBatch batchToJoin(List<JdbcBatch> batches, Write write) {
        for (int i = batches.size() - 1; i >= 0; i--) {
            JdbcBatch batch = batches.get(i);
            if (batch.keyed() == null && batch.sql().equals(write.sql)) {
                return batch;
            }
            if (batch.table().equals(write.table)) {
                return null;
            }
        }
        return null;
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
    static final class Write {

        final String sql;
        final String table;
        final List<Object[]> rows;
        final boolean returnsKey;
        final CompletableFuture<Long> done = new CompletableFuture<>();
        Long key;

        Write(String sql, List<Object[]> rows, boolean returnsKey) {
            this.sql = sql;
            this.table = TABLES.computeIfAbsent(sql, GroupCommitter::tableWritten);
            this.rows = rows;
            this.returnsKey = returnsKey;
        }
    }

    /** The table a statement writes, lower case. */
    static String tableWritten(String sql) {
        Matcher matcher = TABLE.matcher(sql);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Not an INSERT, UPDATE or DELETE of one table: " + sql);
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    /** One JDBC batch: rows of one statement, or the one write of an insert that returns its key. */
    record JdbcBatch(String sql, String table, List<Object[]> rows, Write keyed) {
    }
}
