package dev.gale.server.service.catalog;

import dev.gale.protocol.StreamDescriptor;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Completes a requested sync catalog from the source's discovered one: a stream given only by name (and namespace)
 * gets its schema, sync modes, cursor and primary key from discovery, and a stream without a configuration gets the
 * default one. Scripts may so create a connection by naming the streams they want. Discovery runs only when a
 * stream needs it, and at most once.
 */
final class StreamCompletion {
  private StreamCompletion() {}

  static AirbyteCatalog completed(AirbyteCatalog requested, Supplier<dev.gale.protocol.AirbyteCatalog> discover) {
    boolean incomplete = requested.streams().stream()
        .anyMatch(s -> s != null && s.stream() != null && (s.stream().jsonSchema() == null || s.config() == null));
    if (!incomplete) {
      return requested;
    }
    AirbyteCatalog discovered = Catalogs.toApi(discover.get());
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> byName = discovered.streams().stream().collect(Collectors.toMap(
        s -> new StreamDescriptor(s.stream().name(), s.stream().namespace()), Function.identity(), (a, b) -> a));
    List<AirbyteStreamAndConfiguration> streams = new ArrayList<>();
    for (AirbyteStreamAndConfiguration entry : requested.streams()) {
      AirbyteStreamAndConfiguration found = entry == null || entry.stream() == null ? null
          : byName.get(new StreamDescriptor(entry.stream().name(), entry.stream().namespace()));
      if (found == null) {
        streams.add(entry); // validation names what is missing
        continue;
      }
      AirbyteStream stream = entry.stream().jsonSchema() == null ? found.stream() : entry.stream();
      streams.add(new AirbyteStreamAndConfiguration(stream, entry.config() == null ? found.config() : entry.config()));
    }
    return new AirbyteCatalog(streams);
  }
}
