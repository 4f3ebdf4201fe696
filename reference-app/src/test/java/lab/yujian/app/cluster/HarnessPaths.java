package lab.yujian.app.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where the harness finds the packaged app and the shipped deployment files, and keeps its logs. */
final class HarnessPaths {

    /** The executable jar's name: the reference app's {@code finalName}, also copied by deploy/Dockerfile. */
    static final String APP_JAR = "yujian-reference-app.jar";

    private HarnessPaths() {
    }

    /** The reference-app module (Maven's {@code basedir}; the working directory when it is not set). */
    static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    static Path target() {
        return module().resolve("target");
    }

    /** The repository's {@code deploy/} folder. */
    static Path deploy() {
        return module().getParent().resolve("deploy");
    }

    /** The executable jar that {@code mvn package} builds; the integration tests run after that phase. */
    static Path appJar() {
        Path jar = target().resolve(APP_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with "
                    + "mvn -B -pl reference-app -am package -DskipTests (failsafe's integration tests run after package)");
        }
        return jar;
    }

    /** A new folder for one run's logs: {@code target/cluster-it/<name>-<time>}. */
    static Path newRunDir(String name) {
        Path dir = target().resolve("cluster-it")
                .resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
