package lab.yujian.protocol.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProtocolArchitectureTest {

    private static final JavaClasses PROTOCOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("lab.yujian.protocol");

    @Test
    void theProtocolDependsOnJacksonAndTheJdkOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("lab.yujian.protocol..", "java..", "tools.jackson..", "com.fasterxml.jackson.annotation..")
                .because("yujian-protocol holds plain data and may depend on Jackson only (see BRIEF.md, Modules)")
                .check(PROTOCOL);
    }
}
