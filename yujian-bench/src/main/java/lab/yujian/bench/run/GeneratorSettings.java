package lab.yujian.bench.run;

import java.util.List;

/**
 * How generator processes are started.
 *
 * @param javaOptions options of every agent JVM
 * @param classpath   the bench module's classpath
 * @param ioThreads   Netty event-loop threads per agent
 */
public record GeneratorSettings(List<String> javaOptions, String classpath, int ioThreads) {
}
