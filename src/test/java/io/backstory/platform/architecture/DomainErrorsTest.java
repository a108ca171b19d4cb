package io.backstory.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;

/**
 * Services speak the domain, only the mappers speak HTTP: features refuse with the exceptions of
 * {@code platform.errors}, and only {@code platform.api} (the mappers) and {@code platform.web} (the form and error
 * page plumbing) build problem documents or pick statuses. Plain JUnit over the compiled main classes.
 */
class DomainErrorsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.backstory");

    private static final String[] HTTP_PLUMBING = {"io.backstory.platform.api..", "io.backstory.platform.web.."};

    /** Neither a root resource (@Path) nor a sub-resource (a class with HTTP method handlers, like TagFamilyApi). */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> NOT_RESOURCES =
            com.tngtech.archunit.base.DescribedPredicate.describe("are not resources", type -> !type.isAnnotatedWith(Path.class)
                    && type.getMethods().stream().noneMatch(method -> java.util.stream.Stream.of(jakarta.ws.rs.GET.class,
                            jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class,
                            jakarta.ws.rs.PATCH.class).anyMatch(method::isAnnotatedWith)));

    @Test
    void onlyTheMappersAndPagePlumbingKnowProblemDocuments() {
        noClasses().that().resideOutsideOfPackages(HTTP_PLUMBING)
                .should().dependOnClassesThat().haveNameMatching("io\\.backstory\\.platform\\.api\\.Problem(Exception)?(\\$.*)?")
                .because("services throw domain exceptions; ProblemMappers alone turns them into problem documents")
                .check(MAIN);
    }

    @Test
    void theDomainExceptionsKnowNothingOfHttp() {
        classes().that().resideInAPackage("io.backstory.platform.errors..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.backstory.platform.errors..",
                        "io.backstory.platform.content..")
                .check(MAIN);
    }

    @Test
    void onlyResourcesAndThePlumbingBuildHttpResponses() {
        noClasses().that().resideOutsideOfPackages(HTTP_PLUMBING).and(NOT_RESOURCES)
                .should().dependOnClassesThat().haveNameMatching("jakarta\\.ws\\.rs\\.core\\.Response(\\$.*)?")
                .orShould().dependOnClassesThat().areAssignableTo(WebApplicationException.class)
                .because("a service refuses with a domain exception, not with a response or a status")
                .check(MAIN);
    }
}
