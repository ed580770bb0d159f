package io.ragline;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package structure: features around a small kernel, no cycles, and sources nobody depends on. */
@AnalyzeClasses(packages = "io.ragline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] SOURCES = {"io.ragline.ingest.folder..", "io.ragline.ingest.queue..", "io.ragline.ingest.http.."};

    /** Every package is its own slice, sub-packages included: ingest and ingest.folder may not reach each other both ways. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.ragline.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule kernelImportsNoFeature = noClasses().that().resideInAPackage("io.ragline.document")
            .should().dependOnClassesThat(resideInAPackage("io.ragline..").and(not(resideInAPackage("io.ragline.document"))));

    @ArchTest
    static final ArchRule nothingDependsOnTheSources = noClasses().that().resideOutsideOfPackages(SOURCES)
            .should().dependOnClassesThat().resideInAnyPackage(SOURCES);

    @ArchTest
    static final ArchRule sourcesAreIndependent = slices().matching("io.ragline.ingest.(*)..").should().notDependOnEachOther();
}
