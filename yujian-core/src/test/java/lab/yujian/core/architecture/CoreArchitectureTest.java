package lab.yujian.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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

    @Test
    void theCoresPackagesHaveNoCycles() {
        slices().matching("lab.yujian.core.(*)..").should().beFreeOfCycles().check(CORE);
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
