package lab.yujian.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import lab.yujian.bench.BenchOptions;
import lab.yujian.bench.run.Generator;
import lab.yujian.bench.run.GeneratorSettings;
import lab.yujian.bench.targets.RunningTarget;
import lab.yujian.bench.targets.Target;
import lab.yujian.bench.targets.TargetSettings;

/**
 * What a scenario runs with: the options, how targets and generators are started, and the console.
 * Sequence numbers are handed out here, so that no two windows of a run share one.
 */
public final class Bench {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BenchOptions options;
    private final TargetSettings targetSettings;
    private final GeneratorSettings generatorSettings;
    private final Path runDir;
    private long nextSeq = 1;

    public Bench(BenchOptions options, TargetSettings targetSettings, GeneratorSettings generatorSettings, Path runDir) {
        this.options = options;
        this.targetSettings = targetSettings;
        this.generatorSettings = generatorSettings;
        this.runDir = runDir;
    }

    public BenchOptions options() {
        return options;
    }

    public RunningTarget start(Target target) throws IOException {
        log(target.kind().id(), "starting a fresh " + target.kind().title() + " (" + String.join(" ", targetSettings.javaOptions()) + ")");
        return target.start(targetSettings);
    }

    public Generator generator(RunningTarget target, int sessions) throws IOException {
        return generator(target, sessions, 0);
    }

    /** A generator whose messages carry {@code padBytes} more characters. */
    public Generator generator(RunningTarget target, int sessions, int padBytes) throws IOException {
        return new Generator(target, sessions, padBytes, generatorSettings, runDir);
    }

    /** The first of {@code count} fresh sequence numbers. */
    public synchronized long sequences(long count) {
        long first = nextSeq;
        nextSeq += count;
        return first;
    }

    public void log(String who, String text) {
        System.out.println("[bench " + LocalTime.now().format(CLOCK) + "] " + who + ": " + text);
    }
}
