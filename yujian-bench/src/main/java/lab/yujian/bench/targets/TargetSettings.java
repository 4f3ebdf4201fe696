package lab.yujian.bench.targets;

import java.nio.file.Path;
import java.util.List;

/**
 * What every target is started with, the same for all so that ratios compare like with like.
 *
 * @param javaOptions    JVM options of the app ({@code -Xmx1g} by default)
 * @param port           the HTTP port on 127.0.0.1
 * @param classpath      the bench module's classpath (the stock app runs from it)
 * @param referenceJar   the reference app's executable jar
 * @param runDir         a fresh directory for logs and data
 * @param serverArgs     Spring Boot arguments given to every target (e.g. Tomcat's connection limit)
 */
public record TargetSettings(List<String> javaOptions, int port, String classpath, Path referenceJar, Path runDir,
                             List<String> serverArgs) {
}
