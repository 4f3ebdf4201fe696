package lab.yujian.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import lab.yujian.core.HubBuilder;
import lab.yujian.core.internal.DefaultHub;
import lab.yujian.core.internal.HubParts;
import lab.yujian.core.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.yujian.core");

    @Test
    void theCoreImportsNothingFromSpringOrJakarta() {
        ArchitectureRules.NO_FRAMEWORK.check(CORE);
    }

    @Test
    void onlyRedisClassesTouchARedisClient() {
        ArchitectureRules.ONLY_REDIS_CLASSES_TOUCH_REDIS.check(CORE);
    }

    /** The rule above has real subjects: the Redis classes exist here, and each one uses the client. */
    @Test
    void theRedisImplementationsAreTheRedisClientsUsers() {
        classes().that().resideInAPackage("lab.yujian.core.redis").and().haveSimpleNameStartingWith("Redis")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "io.github.bucket4j.redis..")
                .orShould().dependOnClassesThat().haveSimpleName("RedisConnector")
                .check(CORE);
    }

    private static final String ROOT = "lab.yujian.core";
    private static final String INTERNAL = ROOT + ".internal..";

    /** One slice for the API at the root, and one per package below it (with its own sub-packages). */
    private static final SliceAssignment ROOT_AND_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ROOT)) {
                return SliceIdentifier.of("API root");
            }
            if (name.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the API root " + ROOT + " and each package below it";
        }
    };

    @Test
    void theCoresPackagesTheApiRootIncludedHaveNoCycles() {
        slices().assignedFrom(ROOT_AND_PACKAGES).should().beFreeOfCycles()
                .ignoreDependency(HubBuilder.class, DefaultHub.class)
                .ignoreDependency(HubBuilder.class, HubParts.class)
                .because("the API and .internal depend on each other only through the factory seam, "
                        + "HubBuilder creating DefaultHub from HubParts")
                .check(CORE);
    }

    @Test
    void onlyHubBuilderReachesFromTheApiIntoInternal() {
        noClasses().that().resideInAPackage(ROOT).and().doNotBelongToAnyOf(HubBuilder.class)
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("the implementation stays behind the factory seam")
                .check(CORE);
    }

    @Test
    void hubBuilderUsesNothingOfInternalButTheFactorySeam() {
        classes().that().belongToAnyOf(HubBuilder.class)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(INTERNAL)
                        .or(belongToAnyOf(DefaultHub.class, HubParts.class)))
                .because("the seam is exactly HubBuilder creating DefaultHub from HubParts")
                .check(CORE);
    }

    @Test
    void storePackagesDoNotDependOnTheHubFacade() {
        noClasses().that().resideInAPackage("lab.yujian.core.*..")
                .and().resideOutsideOfPackage("lab.yujian.core.internal..")
                .should().dependOnClassesThat().resideInAPackage("lab.yujian.core")
                .because("stores, ACLs and batching are building blocks; only the hub assembles them")
                .check(CORE);
    }

    @Test
    void theCoreNeverReadsTheSystemClockDirectly() {
        noClasses()
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callConstructor(java.util.Date.class)
                .because("time comes from the injected java.time.Clock, so tests can move it")
                .check(CORE);
    }
}
