package dev.gale.connectors.declarative.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.Manifests;
import dev.gale.connectors.declarative.runtime.Sleeper;
import dev.gale.protocol.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Loading manifests written in tests, with a recording sleeper and a fixed clock. */
public final class TestSources {
  public static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
  public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
      UUID.fromString("00000000-0000-0000-0000-00000000d0c1"), ConnectorDescriptor.Kind.SOURCE, "Test API",
      "gale/source-test-api", "0.1.0", "https://docs.example.com/test-api", null,
      ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE,
      ConnectorDescriptor.SourceType.API);

  /** The waits a source asked for, instead of sleeping. */
  public static final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      waits.add(duration);
    }
  }

  private TestSources() {}

  public static DeclarativeSource load(String yaml) {
    return load(yaml, new RecordingSleeper());
  }

  public static DeclarativeSource load(String yaml, Sleeper sleeper) {
    return DeclarativeSource.load(DESCRIPTOR, Manifests.parse(yaml), TestInterpolations.get())
        .withSleeper(sleeper).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  public static JsonNode config(String json) {
    return Json.parse(json);
  }
}
