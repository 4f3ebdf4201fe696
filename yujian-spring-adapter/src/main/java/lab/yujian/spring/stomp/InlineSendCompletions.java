package lab.yujian.spring.stomp;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import lab.yujian.protocol.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs the completion of a WebSocket send on the thread that started the send, when the send completed at
 * once. Tomcat hands every completion of an asynchronous send to its executor, even one that finished
 * inside the call: at one frame per session per message, that is a thread hand-off (a futex wake and a
 * context switch) per delivery, about a third of the CPU a fan-out costs.
 *
 * <p>While a thread writes through {@link #begin()} and {@link #end()}, the container's executor
 * ({@link InliningTomcatExecutor}) gives a completion started on it back to this class instead of queueing
 * it; {@link #end()} runs those in order once the send call has returned, so a completion that starts the
 * next write never recurses: that write's completion joins the same loop. A send that does not complete at
 * once completes later on the container's threads, dispatched as usual; so does everything else.
 */
public final class InlineSendCompletions {

    private static final Log LOG = LogFactory.getLog(InlineSendCompletions.class);
    /** Tomcat's task that calls a send's completion handler. */
    private static final String COMPLETION =
            "org.apache.tomcat.websocket.server.WsRemoteEndpointImplServer$OnResultRunnable";
    private static final ThreadLocal<ArrayDeque<Runnable>> PENDING = new ThreadLocal<>();
    private static final LongAdder INLINED = new LongAdder();

    private InlineSendCompletions() {
    }

    /**
     * Starts collecting this thread's completions.
     *
     * @return true if this call opened the scope (and must {@link #end()} it), false if one is open already
     */
    static boolean begin() {
        if (PENDING.get() != null) {
            return false;
        }
        PENDING.set(new ArrayDeque<>(4));
        return true;
    }

    /** Runs the completions collected since {@link #begin()}, and those they cause, then closes the scope. */
    static void end() {
        ArrayDeque<Runnable> pending = PENDING.get();
        try {
            for (Runnable completion = pending.poll(); completion != null; completion = pending.poll()) {
                try {
                    completion.run();
                } catch (RuntimeException e) {
                    LOG.warn("A WebSocket send completion failed: " + e, e);
                }
            }
        } finally {
            PENDING.remove();
        }
    }

    /**
     * For the container's executor: takes a send completion started on a collecting thread.
     *
     * @return true if the task will run on this thread at {@link #end()}; false to execute it as usual
     */
    public static boolean take(Runnable task) {
        ArrayDeque<Runnable> pending = PENDING.get();
        if (pending == null || !COMPLETION.equals(task.getClass().getName())) {
            return false;
        }
        pending.add(task);
        INLINED.increment();
        return true;
    }

    /** Completions run inline since the JVM started. */
    public static long inlined() {
        return INLINED.sum();
    }

    static @Nullable Object scope() {
        return PENDING.get();
    }
}
