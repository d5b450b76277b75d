package com.caisschool.safeguarding;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

/**
 * The packages (one per capability) depend on each other one way only: no cycle between them, so
 * each can be read, tested and changed from its own imports downwards.
 */
class ArchitectureTest {

  private static final String ROOT = "com.caisschool.safeguarding";

  @Test
  void thePackagesAreFreeOfCycles() {
    JavaClasses application = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    freeOfCycles(ROOT).check(application);
  }

  @Test
  void aCycleBetweenTwoPackagesIsFound() {
    String fixture = ROOT + ".architecture.cycle";
    JavaClasses cyclic = new ClassFileImporter().importPackages(fixture);

    EvaluationResult result = freeOfCycles(fixture).evaluate(cyclic);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("left").contains("right");
  }

  /** Each package directly under {@code root} is a slice; no slice may reach itself again. */
  private static SliceRule freeOfCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }
}
