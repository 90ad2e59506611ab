package vn.bordergate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of the server and common modules, checked on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.bordergate");
    }

    @Test
    void commonDependsOnNoOtherModuleAndNoUiServerOrOrm() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("vn.bordergate.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.bordergate.server..",
                        "vn.bordergate.workstation..",
                        "javafx..",
                        "org.eclipse.jetty..",
                        "org.hibernate..",
                        "jakarta.persistence..",
                        "org.glassfish..");
        rule.check(classes);
    }

    @Test
    void webLayerDoesNotTouchPersistence() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("vn.bordergate.server.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.bordergate.server.persistence..", "org.hibernate..", "jakarta.persistence..");
        rule.check(classes);
    }

    @Test
    void eventsDoNotTouchPersistence() {
        noClasses()
                .that()
                .resideInAPackage("vn.bordergate.server.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.bordergate.server.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void entitiesLiveInPersistenceAndNeverReachTheWire() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("vn.bordergate.server.persistence")
                .check(classes);
        // services may use entities, but no public service method hands one out
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "vn.bordergate.server.persistence..",
                        "vn.bordergate.server.service..",
                        "vn.bordergate.server.demo..",
                        "vn.bordergate.server")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(classes);
    }

    @Test
    void publicServiceMethodsReturnNoEntities() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("vn.bordergate.server.service..")
                .and()
                .arePublic()
                .should()
                .notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an entity", (com.tngtech.archunit.core.domain.JavaClass c) -> c.isAnnotatedWith(Entity.class)))
                .check(classes);
    }

    @Test
    void namesSayWhatAThingIs() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .check(classes);
    }

    @Test
    void noServiceLocatorsOrSingletonHolders() {
        noClasses()
                .that()
                .resideInAPackage("vn.bordergate.server..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.glassfish.hk2.api.ServiceLocator")
                .check(classes);
    }
}
