package dev.recruitdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of ARCHITECTURE.md, checked on the compiled main classes. */
class LayerRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.recruitdesk");
    }

    @Test
    void thereIsSomethingToCheck() {
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith("dev.recruitdesk.domain")).count()).isGreaterThan(5);
    }

    @Test
    void domainIsPure() {
        noClasses().that().resideInAPackage("dev.recruitdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "java.net.http..",
                        "com.fasterxml..", "org.h2..", "dev.recruitdesk.api..", "dev.recruitdesk.store..",
                        "dev.recruitdesk.service..", "dev.recruitdesk.ui..", "dev.recruitdesk.app..",
                        "dev.recruitdesk.simulator..")
                .check(main);
    }

    @Test
    void onlyUiAndAppKnowJavaFx() {
        noClasses().that().resideInAnyPackage("dev.recruitdesk.api..", "dev.recruitdesk.store..",
                        "dev.recruitdesk.service..", "dev.recruitdesk.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(main);
    }

    @Test
    void uiTalksToServicesNotToSqlOrHttp() {
        noClasses().that().resideInAPackage("dev.recruitdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net.http..", "org.h2..",
                        "org.flywaydb..", "dev.recruitdesk.api..", "dev.recruitdesk.store..", "dev.recruitdesk.simulator..")
                .check(main);
    }

    @Test
    void simulatorSharesNothingWithTheClient() {
        noClasses().that().resideInAPackage("dev.recruitdesk.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.recruitdesk.api..", "dev.recruitdesk.domain..",
                        "dev.recruitdesk.store..", "dev.recruitdesk.service..", "dev.recruitdesk.ui..", "dev.recruitdesk.app..")
                .check(main);
        noClasses().that().resideInAnyPackage("dev.recruitdesk.api..", "dev.recruitdesk.store..",
                        "dev.recruitdesk.service..", "dev.recruitdesk.ui..", "dev.recruitdesk.domain..")
                .should().dependOnClassesThat().resideInAPackage("dev.recruitdesk.simulator..")
                .check(main);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.recruitdesk.api..", "dev.recruitdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.recruitdesk.service..", "dev.recruitdesk.ui..", "dev.recruitdesk.app..")
                .allowEmptyShould(true)
                .check(main);
        noClasses().that().resideInAPackage("dev.recruitdesk.service..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.recruitdesk.ui..", "dev.recruitdesk.app..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.recruitdesk.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(main);
    }

    @Test
    void screensDoNotDependOnEachOthersInsides() {
        // Screens meet only through ui.common, ui.shell and the service interfaces.
        slices().matching("dev.recruitdesk.ui.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(main);
    }

    @Test
    void nothingPrintsToTheConsoleOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("dev.recruitdesk.app..")
                .and().doNotHaveSimpleName("SimulatorMain")
                .should().accessField(System.class, "out")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(main);
    }
}
