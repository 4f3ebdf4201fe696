package lab.yujian.bench;

/** The "How it measures" section of the report, filled in with the options of the run. */
final class Method {

    private Method() {
    }

    static String text(BenchOptions o) {
        return String.join("\n",
                "- **Generator.** Its own JVM processes (`" + String.join(" ", o.generatorJvm()) + "`), each with "
                        + o.ioThreads() + " Netty event-loop thread(s) for all its sessions (at most 12,000 per process, each "
                        + "process on its own source address 127.0.0.k). STOMP 1.2 over WebSocket (`v12.stomp`), heart-beats "
                        + "`0,0`; the parser takes text and binary messages, several frames per message and frames split "
                        + "across messages. Its CPU is reported beside the app's.",
                "- **Targets.** Each scenario starts a fresh app process per target, all with `" + String.join(" ", o.appJvm())
                        + "` and `--server.tomcat.max-connections=20000 --server.tomcat.accept-count=1000`, on 127.0.0.1. "
                        + "*Spring simple broker*: a plain Boot app (`lab.yujian.bench.stock`), `enableSimpleBroker(\"/topic\")`, "
                        + "no auth; publishers SEND to `/app/publish`, a `@MessageMapping` with `@SendTo(\"/topic/bench\")` "
                        + "forwards it (as the Spring guide writes it). *Spring relay to RabbitMQ*: the same app with "
                        + "`enableStompBrokerRelay(\"/topic\")` to 127.0.0.1:61613. *Yu Jian embedded*: the reference app's "
                        + "jar with a fresh data directory, a random JWT secret, rate/abuse/stale limits lifted and "
                        + "`YUJIAN_BATCH_CHANNELS=metrics`; admins (one `sub` each) subscribed to `/user/queue/replies` and "
                        + "`/topic/collaboration.bench`, the publisher sends PUBLISH with a CollaborationPayload to `/app/publish`.",
                "- **Same bytes.** The stock body has the shape of Yu Jian's DATA body (type, channel, payload, sender, "
                        + "sequence, epoch, timestamp), so both deliver about the same body size (the `body` in the notes is "
                        + "what arrived). One topic per session on every target.",
                "- **Latency and loss.** The publisher stamps each message with `System.nanoTime()` and a per-run sequence "
                        + "number; each subscriber finds them by a byte scan and records publish-to-receipt latency in "
                        + "HdrHistogram. Loss is counted per subscriber by sequence number (each message expected once by "
                        + "each subscriber that was ready), after waiting for what is in flight.",
                "- **Warm-up.** Every rate is published for " + o.warmup() + " s before it is measured for " + o.duration()
                        + " s (saturation steps: " + o.stepWarmup() + " s, then " + o.stepDuration() + " s); the storm is "
                        + "preceded by one storm of the same size.",
                "- **CPU and memory.** App CPU is utime + stime of `/proc/<pid>/stat`; RSS is VmRSS; heap after a full GC "
                        + "is `jcmd <pid> GC.run` then `GC.heap_info`; heap samples during the slow-consumer run come from "
                        + "`jstat -gc`. For the relay, RabbitMQ's own CPU and memory are not in the app's numbers.",
                "- **Ping.** Yu Jian: SEND `/app/ping`, PONG on `/user/queue/replies`. Stock: a round trip through a topic "
                        + "(`/app/ping/{id}`, `@SendTo(\"/topic/pong.{id}\")`), the same for the simple broker and the relay.",
                "- **Slow consumers.** Stalled sessions set SO_RCVBUF to 4 KiB before connecting and then stop reading "
                        + "(Netty auto-read off); each second they write a heart-beat EOL, which is how a client that does not "
                        + "read notices that the server reset the connection. The close code is the one seen once reading again.");
    }
}
