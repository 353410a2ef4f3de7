package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorException;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.Failure.Type;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void aConnectorExceptionIsAConfigErrorShownToTheUserAndNotRetried() {
    Failure failure = Failures.of(Origin.SOURCE, new ConnectorException("table orders does not exist"));

    assertThat(failure.type()).isEqualTo(Type.CONFIG_ERROR);
    assertThat(failure.externalMessage()).isEqualTo("table orders does not exist");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.stacktrace()).contains("FailuresTest");
  }

  @Test
  void aTransientConnectorExceptionIsRetried() {
    Failure failure = Failures.of(Origin.DESTINATION, new ConnectorException(ConnectorException.Kind.TRANSIENT,
        "the warehouse is resuming", null));

    assertThat(failure.type()).isEqualTo(Type.TRANSIENT_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.origin()).isEqualTo(Origin.DESTINATION);
  }

  @Test
  void aSystemConnectorExceptionIsARetryableSystemErrorWithItsMessageShown() {
    Failure failure = Failures.of(Origin.SOURCE, new ConnectorException(ConnectorException.Kind.SYSTEM,
        "the source crashed: division by zero", null));

    assertThat(failure.type()).isEqualTo(Type.SYSTEM_ERROR);
    assertThat(failure.externalMessage()).isEqualTo("the source crashed: division by zero");
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void aConnectorExceptionAmongTheCausesCounts() {
    Failure failure = Failures.of(Origin.SOURCE, new IllegalStateException("worker failed",
        new ConnectorException("bad credentials for user reader")));

    assertThat(failure.type()).isEqualTo(Type.CONFIG_ERROR);
    assertThat(failure.externalMessage()).isEqualTo("bad credentials for user reader");
  }

  @Test
  void anyOtherExceptionIsARetryableSystemErrorWhoseMessageStaysInternal() {
    Failure failure = Failures.of(Origin.PERSISTENCE,
        new UncheckedIOException(new IOException("jdbc:postgresql://db?password=hunter2 refused")));

    assertThat(failure.type()).isEqualTo(Type.SYSTEM_ERROR);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.externalMessage()).isEqualTo("The sync's state could not be saved.")
        .doesNotContain("hunter2");
    assertThat(failure.internalMessage()).contains("refused");
  }

  @Test
  void aCancellationIsManualAndNotRetried() {
    Failure failure = Failures.cancelled();

    assertThat(failure.type()).isEqualTo(Type.MANUAL_CANCELLATION);
    assertThat(failure.retryable()).isFalse();
  }
}
