package lab.yujian.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Module-boundary rules shared by every module's architecture test, so that each module checks the same
 * rule text against its own classes.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The protocol and the core stay framework-free: no Spring, no Jakarta EE, no servlet API. */
    public static final ArchRule NO_FRAMEWORK = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..", "javax.websocket..")
            .because("yujian-protocol and yujian-core must be usable without Spring (see BRIEF.md, Modules)");

    /** Only classes named {@code Redis*} (and the classes nested in them) may talk to a Redis client. */
    public static final ArchRule ONLY_REDIS_CLASSES_TOUCH_REDIS = noClasses()
            .that().haveNameNotMatching(".*\\.Redis[^.]*")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.lettuce..", "io.github.bucket4j.redis..", "redis.clients..", "org.redisson..",
                    "org.springframework.data.redis..")
            .because("Redis implementations sit beside their interfaces and are the only Redis users")
            .allowEmptyShould(false);

    /** {@code lab.yujian.core.internal} is the core's own; other modules use the API. */
    public static final ArchRule NO_CORE_INTERNALS_FROM_OUTSIDE = noClasses()
            .that().resideOutsideOfPackage("lab.yujian.core..")
            .should().dependOnClassesThat().resideInAPackage("lab.yujian.core.internal..")
            .because(".internal packages are not API");
}
