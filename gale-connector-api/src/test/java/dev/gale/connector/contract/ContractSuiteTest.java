package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The contract suite passes a connector that keeps the contract and catches one that leaks its secret. */
class ContractSuiteTest {

  @Test
  void aConnectorThatKeepsTheContractPassesEveryTest() {
    TestExecutionSummary summary = run(ContractFixtures.GoodSourceFixture.class);

    assertThat(summary.getTestsFoundCount()).isGreaterThan(10);
    assertThat(failedTests(summary)).isEmpty();
  }

  @Test
  void aConnectorThatShowsItsSecretFailsTheSecretTests() {
    TestExecutionSummary summary = run(ContractFixtures.LeakySourceFixture.class);

    assertThat(failedTests(summary)).containsExactlyInAnyOrder(
        "invalidConfigChecksFailedWithAMessageWithoutSecrets()",
        "discoverRejectsTheInvalidConfigWithAMessageWithoutSecrets()");
  }

  @Test
  void aSpecThatIsNoJsonSchemaOrHasANumericSecretFailsTheSpecTests() {
    TestExecutionSummary summary = run(ContractFixtures.BadSpecSourceFixture.class);

    assertThat(failedTests(summary)).contains("specIsAValidJsonSchemaObject()", "secretsAreDeclaredOnlyOnStrings()");
  }

  @Test
  void anIncrementalSourceThatKeepsTheContractPassesEveryTest() {
    TestExecutionSummary summary = run(ReadFixtures.EventsSourceFixture.class);

    assertThat(summary.getTestsSucceededCount()).isGreaterThan(15);
    assertThat(failedTests(summary)).isEmpty();
  }

  @Test
  void aSourceThatCheckpointsBeforeItsRecordsFailsTheResumeTest() {
    TestExecutionSummary summary = run(ReadFixtures.EarlyCheckpointFixture.class);

    assertThat(failedTests(summary))
        .containsExactly("incrementalReadFromAnEmittedStateSkipsNothingAfterItAndReturnsNothingBeforeIt()");
  }

  @Test
  void aSourceThatSwallowsTheInterruptFailsTheInterruptTest() {
    TestExecutionSummary summary = run(ReadFixtures.DeafSourceFixture.class);

    assertThat(failedTests(summary)).containsExactly("anInterruptStopsTheReadPromptly()");
  }

  @Test
  void aDestinationThatKeepsTheContractPassesEveryTestIncludingReadBack() {
    TestExecutionSummary summary = run(WriteFixtures.MemoryDestinationFixture.class);

    assertThat(summary.getTestsSucceededCount()).isGreaterThan(10);
    assertThat(failedTests(summary)).isEmpty();
  }

  @Test
  void aDestinationThatOverwritesBeforeCompletingFailsTheCloseWithoutCompleteTest() {
    TestExecutionSummary summary = run(WriteFixtures.EagerOverwriteFixture.class);

    assertThat(failedTests(summary))
        .containsExactly("closeWithoutCompleteKeepsThePreviousDataAndReleasesEverything()");
  }

  private static TestExecutionSummary run(Class<?> contractTest) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(contractTest)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  private static List<String> failedTests(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(failure -> failure.getTestIdentifier().getDisplayName()).toList();
  }
}
