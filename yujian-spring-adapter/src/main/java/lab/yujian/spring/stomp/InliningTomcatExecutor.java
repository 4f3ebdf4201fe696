package lab.yujian.spring.stomp;

import java.util.concurrent.TimeUnit;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * Tomcat's own request executor (the same pool, queue and threads it would create itself), except that a
 * WebSocket send completion started inside {@link InlineSendCompletions} runs on the thread that started
 * the send instead of being queued.
 */
public final class InliningTomcatExecutor extends ThreadPoolExecutor {

    private InliningTomcatExecutor(int minSpare, int max, TaskQueue queue, TaskThreadFactory threads) {
        super(minSpare, max, 60, TimeUnit.SECONDS, queue, threads);
    }

    /** The executor Tomcat would create for a connector with these settings, as {@code AbstractEndpoint} does. */
    public static InliningTomcatExecutor create(String name, int minSpareThreads, int maxThreads, int maxQueueSize,
                                                int threadPriority) {
        TaskQueue queue = new TaskQueue(maxQueueSize);
        InliningTomcatExecutor executor = new InliningTomcatExecutor(minSpareThreads, maxThreads, queue,
                new TaskThreadFactory(name + "-exec-", true, threadPriority));
        queue.setParent(executor);
        return executor;
    }

    @Override
    public void execute(Runnable command) {
        if (!InlineSendCompletions.take(command)) {
            super.execute(command);
        }
    }
}
