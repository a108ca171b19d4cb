package io.backstory.platform.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Feature packages depend on each other in one direction only: a cycle means neither side can change (or be read)
 * without the other. What two features both need belongs in the lower one or in {@code platform}. Plain JUnit over
 * the compiled main classes.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.backstory");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.backstory.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
