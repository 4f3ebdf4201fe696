package lab.yujian.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import lab.yujian.core.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AdapterArchitectureTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.yujian.spring");

    @Test
    void theAdapterUsesOnlyTheCoresApi() {
        ArchitectureRules.NO_CORE_INTERNALS_FROM_OUTSIDE.check(ADAPTER);
    }

    @Test
    void onlyRedisClassesTouchARedisClient() {
        ArchitectureRules.ONLY_REDIS_CLASSES_TOUCH_REDIS.check(ADAPTER);
    }

    @Test
    void theStompLayerMakesNoPolicyDecisions() {
        noClasses().that().resideInAPackage("lab.yujian.spring.stomp..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.yujian.core.acl..", "lab.yujian.core.ratelimit..")
                .because("access and limits are the hub's decisions; interceptors dispatch and delegate")
                .check(ADAPTER);
    }
}
