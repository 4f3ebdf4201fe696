package lab.yujian.app.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One INSERT statement shared by many threads, written in batches: each caller of {@link #insert} returns
 * once its own row is committed, or throws what its own row caused, as with a plain insert; but the rows of
 * callers that arrive while a batch is being written go out together in the next one, in one transaction
 * and one JDBC batch. A lone caller writes its row at once; a burst of connects (each one a presence-log
 * row and an activity row) costs a few transactions instead of one per row, and no thread waits for a pool
 * connection behind hundreds of others.
 *
 * <p>No thread of its own: the caller whose row heads the queue writes the batch, then hands the writing on
 * to the caller whose row heads it next. Every waiting row belongs to a waiting caller, so the queue is as
 * long as the callers are many. When a row's data spoils a batch (a duplicate key, say), its rows are written
 * again one by one, so that only the caller whose row is at fault sees the failure; when the database fails
 * (unreachable, say), every caller of the batch gets that failure at once, with no row tried again.
 */
public final class GroupCommit {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String sql;
    private final int maxBatch;
    private final ArrayDeque<Row> queue = new ArrayDeque<>();
    private boolean writing;

    /**
     * @param sql      the INSERT, with one {@code ?} per argument
     * @param maxBatch most rows written in one batch
     */
    public GroupCommit(JdbcTemplate jdbc, TransactionTemplate transactions, String sql, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sql = sql;
        this.maxBatch = maxBatch;
    }

    /** Inserts one row; returns once it is committed. Throws what the row's own insert threw. */
    public void insert(Object... args) {
        Row row = new Row(args);
        boolean first;
        synchronized (this) {
            queue.addLast(row);
            first = !writing;
            writing = true;
        }
        if (first || row.await() == Row.TURN) {
            writeBatch(); // this row heads the queue, so it is in the batch
        }
        row.rethrow();
    }

    /** Writes the batch at the head of the queue, then hands the writing to the next row's caller. */
    private void writeBatch() {
        List<Row> batch = new ArrayList<>();
        synchronized (this) {
            for (Row next = queue.pollFirst(); next != null; next = batch.size() < maxBatch ? queue.pollFirst() : null) {
                batch.add(next);
            }
        }
        try {
            write(batch);
        } finally {
            batch.forEach(Row::abandon); // only rows an Error left unwritten: their callers must not wait forever
            synchronized (this) {
                Row next = queue.peekFirst();
                if (next == null) {
                    writing = false;
                } else {
                    next.settle(Row.TURN, null); // its caller writes the next batch
                }
            }
        }
    }

    private void write(List<Row> batch) {
        try {
            if (batch.size() == 1) {
                jdbc.update(sql, batch.get(0).args);
            } else {
                List<Object[]> args = batch.stream().map(row -> row.args).toList();
                transactions.executeWithoutResult(status -> jdbc.batchUpdate(sql, args));
            }
            batch.forEach(row -> row.settle(Row.DONE, null));
        } catch (RuntimeException e) {
            if (batch.size() == 1 || !(e instanceof DataIntegrityViolationException)) {
                batch.forEach(row -> row.settle(Row.DONE, e)); // the database failed, not a row: each row would too
                return;
            }
            for (Row row : batch) { // one row spoilt the batch: find out which, each on its own
                try {
                    jdbc.update(sql, row.args);
                    row.settle(Row.DONE, null);
                } catch (RuntimeException alone) {
                    row.settle(Row.DONE, alone);
                }
            }
        }
    }

    /** A caller's row, and what its caller waits for: its turn to write a batch, or the row written. */
    private static final class Row {
        static final int WAITING = 0;
        static final int TURN = 1;
        static final int DONE = 2;

        final Object[] args;
        private int state = WAITING;
        private RuntimeException failure;

        Row(Object[] args) {
            this.args = args;
        }

        synchronized void settle(int next, RuntimeException cause) {
            state = next;
            failure = cause;
            notifyAll();
        }

        /** Waits for the turn or the outcome; an interrupt is kept for later, as the row may be written anyway. */
        synchronized int await() {
            boolean interrupted = false;
            while (state == WAITING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return state;
        }

        synchronized void abandon() {
            if (state != DONE) {
                settle(DONE, new IllegalStateException("The batch holding this row failed before it was written"));
            }
        }

        synchronized void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
