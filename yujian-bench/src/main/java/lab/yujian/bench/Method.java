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
                        + "`/topic/collaboration.bench`, the publisher sends PUBLISH with a CollaborationPayload to `/app/publish`. "
                        + "*Yu Jian cluster, 1 node / 2 nodes*: the same jar and settings with `YUJIAN_MODE=cluster`, one process "
                        + "per node on ports " + o.port() + ", " + (o.port() + 1) + ", over the machine's RabbitMQ (STOMP plugin, "
                        + "127.0.0.1:61613), a private `redis-server` on a free port and a fresh PostgreSQL schema (database "
                        + "`test`), both new for every start and removed after; sessions connect to the nodes directly, spread "
                        + "evenly, the publisher on node 1, so with 2 nodes half the deliveries cross RabbitMQ. The private "
                        + "Redis's CPU is not in the app's numbers.",
                "- **Broker cost** (relay and cluster targets). *Broker connections per node*: established TCP connections "
                        + "from each node's process to port 61613 (`ss -tnpH state established '( dport = :61613 )'`, lines "
                        + "with `pid=<pid>,`); the table shows the largest over the nodes, the notes each node's. *RabbitMQ "
                        + "memory*: the RSS (VmRSS) of its beam process, which is what the machine pays (and what this "
                        + "RabbitMQ's memory watermark counts: calculation strategy rss), and beside it the Erlang VM's own "
                        + "count (`rabbitmqctl status` total `erlang`, the median of 3 readings 1 s apart once RabbitMQ is "
                        + "quiet), which includes memory allocated but never touched; both taken with the app(s) connected and "
                        + "0 subscribers, and with N idle subscribers, the difference scaled to 1,000 sessions. *Queues added*: `rabbitmqctl "
                        + "list_queues` between the same two moments. RabbitMQ is shared by everything on this machine, so "
                        + "another user's activity shows up in these numbers; RabbitMQ CPU per fan-out step is its beam "
                        + "process's utime + stime.",
                "- **Same bytes.** The stock body has the shape of Yu Jian's DATA body (type, channel, payload, sender, "
                        + "sequence, epoch, timestamp), so both deliver about the same body size (the `body` in the notes is "
                        + "what arrived). One topic per session on every target.",
                "- **Latency and loss.** The publisher stamps each message with `System.nanoTime()` and a per-run sequence "
                        + "number; each subscriber finds them by a byte scan and records publish-to-receipt latency in "
                        + "HdrHistogram. Loss is counted per subscriber by sequence number (each message expected once by "
                        + "each subscriber that was ready), after waiting for what is in flight.",
                "- **Warm-up.** Every rate is published for " + o.warmup() + " s before it is measured for " + o.duration()
                        + " s (saturation steps: " + o.stepWarmup() + " s, then " + o.stepDuration() + " s); the storm is "
                        + "preceded by storms of the same size, each connected and closed, repeated for " + o.warmup()
                        + " s (at least one): after a single one, the JIT still compiled the connect path for seconds "
                        + "after the next, on either target, so the measured storm timed the compiler.",
                "- **CPU and memory.** App CPU is utime + stime of `/proc/<pid>/stat`; RSS is VmRSS; heap after a full GC "
                        + "is `jcmd <pid> GC.run` then `GC.heap_info`; heap samples during the slow-consumer run come from "
                        + "`jstat -gc`. For the relay and the cluster, RabbitMQ's own CPU and memory are not in the app's numbers; they are "
                        + "reported in rows of their own.",
                "- **Ping.** Yu Jian: SEND `/app/ping`, PONG on `/user/queue/replies`. Stock: a round trip through a topic "
                        + "(`/app/ping/{id}`, `@SendTo(\"/topic/pong.{id}\")`), the same for the simple broker and the relay.",
                "- **Slow consumers.** Stalled sessions set SO_RCVBUF to 4 KiB before connecting and then stop reading "
                        + "(Netty auto-read off); every 100 ms they write a heart-beat EOL, which is how a client that does not "
                        + "read notices that the server reset the connection. The close code is the one seen once reading again.");
    }
}
