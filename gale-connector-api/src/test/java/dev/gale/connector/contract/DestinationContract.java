package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Destination;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of a {@link Destination}, on top of {@link ConnectorContract}. */
public abstract class DestinationContract extends ConnectorContract {

  @Override
  protected abstract Destination connector();

  @Test
  void descriptorSaysDestinationWithoutSourceType() {
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(descriptor.kind()).isEqualTo(ConnectorDescriptor.Kind.DESTINATION);
    assertThat(descriptor.sourceType()).isNull();
  }

  @Test
  void specListsTheDestinationSyncModesTheCapabilitiesDeclare() {
    assertThat(connector().capabilities().destinationSyncModes()).isNotEmpty();
    assertThat(connector().capabilities().syncModes()).isEmpty();
    assertThat(connector().spec().supportedDestinationSyncModes())
        .isEqualTo(List.copyOf(connector().capabilities().destinationSyncModes()));
  }
}
