package lab.yujian.app.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Against a real (in-memory H2) database: rows of concurrent callers share batches, each caller sees its own outcome. */
class GroupCommitTest {

    private static final String INSERT = "INSERT INTO entry (id, owner) VALUES (?, ?)";

    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger singleInserts = new AtomicInteger();
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private ExecutorService pool;

    @BeforeEach
    void database() {
        DriverManagerDataSource source = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(source) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                batchSizes.add(batchArgs.size());
                return super.batchUpdate(sql, batchArgs);
            }

            @Override
            public int update(String sql, Object... args) {
                if (sql.startsWith("INSERT")) {
                    singleInserts.incrementAndGet();
                }
                return super.update(sql, args);
            }
        };
        jdbc.execute("CREATE TABLE entry (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64) NOT NULL)");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
        pool = Executors.newFixedThreadPool(64);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aLoneCallersRowIsCommittedBeforeInsertReturns() {
        GroupCommit inserts = new GroupCommit(jdbc, transactions, INSERT, 100);

        inserts.insert("a", "alice");

        assertThat(jdbc.queryForObject("SELECT owner FROM entry WHERE id = 'a'", String.class)).isEqualTo("alice");
        assertThat(batchSizes).isEmpty(); // one row: a plain insert
    }

    @Test
    void concurrentCallersShareBatchesAndEveryRowLands() throws Exception {
        GroupCommit inserts = new GroupCommit(jdbc, transactions, INSERT, 50);
        int callers = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String id = "row-" + i;
            done.add(pool.submit(() -> {
                start.await();
                inserts.insert(id, "owner");
                // committed when insert returns: visible to another connection at once
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry WHERE id = ?", Integer.class, id)).isEqualTo(1);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(callers);
        assertThat(batchSizes).isNotEmpty().allMatch(size -> size <= 50);
        int batched = batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertThat(batched).as("rows written in shared batches").isGreaterThan(callers / 2);
    }

    @Test
    void aRowThatSpoilsItsBatchFailsOnlyItsOwnCaller() throws Exception {
        GroupCommit inserts = new GroupCommit(jdbc, transactions, INSERT, 500);
        inserts.insert("taken", "first");
        int callers = 200;
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        AtomicInteger succeeded = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String id = i % 50 == 0 ? "taken" : "row-" + i;
            String owner = "caller-" + i;
            done.add(pool.submit(() -> {
                start.await();
                try {
                    inserts.insert(id, owner);
                    succeeded.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.put(owner, e);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }

        assertThat(failures).hasSize(4).allSatisfy((owner, e) -> assertThat(e).isInstanceOf(DuplicateKeyException.class));
        assertThat(failures.keySet()).containsExactlyInAnyOrder("caller-0", "caller-50", "caller-100", "caller-150");
        assertThat(succeeded).hasValue(callers - 4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(callers - 4 + 1);
        assertThat(jdbc.queryForObject("SELECT owner FROM entry WHERE id = 'taken'", String.class)).isEqualTo("first");
    }

    @Test
    void whenTheDatabaseFailsEveryCallerOfTheBatchGetsItAndNoRowIsTriedAgain() throws Exception {
        GroupCommit inserts = new GroupCommit(jdbc, transactions, INSERT, 500);
        jdbc.execute("DROP TABLE entry"); // every insert now fails, whatever its row
        int callers = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String id = "row-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    inserts.insert(id, "owner");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        for (Future<Throwable> outcome : outcomes) {
            assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOf(BadSqlGrammarException.class);
        }

        int batched = batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertThat(batched + singleInserts.get()).as("each row tried once").isEqualTo(callers);
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> new GroupCommit(jdbc, transactions, INSERT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatch");
    }
}
