package lab.yujian.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import lab.yujian.core.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class AppArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.yujian.app");

    @Test
    void theAppUsesOnlyTheCoresApi() {
        ArchitectureRules.NO_CORE_INTERNALS_FROM_OUTSIDE.check(APP);
    }

    @Test
    void theAppDoesNotReachIntoTheStompLayer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("lab.yujian.spring.stomp..")
                .because("the app talks to the hub; STOMP wiring is the adapter's business")
                .check(APP);
    }
}
