package dev.gale.server.api.config;

import dev.gale.server.api.model.DefinitionBodies.LogRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobType;
import dev.gale.server.api.model.DiscoverBodies.CatalogDiff;
import dev.gale.server.api.model.DiscoverBodies.SourceDiscoverSchemaRead;
import dev.gale.server.api.model.DiscoverBodies.StreamTransform;
import dev.gale.server.api.model.StateBodies.StreamDescriptor;
import dev.gale.server.service.catalog.Catalogs;
import dev.gale.server.service.catalog.DiscoverService.Discovery;
import dev.gale.server.service.catalog.StreamChange;
import java.util.List;
import java.util.UUID;

/** Maps discoveries and catalog diffs to the Config API's bodies. */
final class DiscoverReads {
  private DiscoverReads() {}

  /** @param configId what was discovered: the source, or the definition of an unsaved configuration */
  static SourceDiscoverSchemaRead read(Discovery d, UUID configId) {
    SynchronousJobRead job = new SynchronousJobRead(UUID.randomUUID(), SynchronousJobType.DISCOVER_SCHEMA, configId.toString(),
        d.startedAtMillis(), d.endedAtMillis(), d.catalog().isPresent(), false,
        new LogRead(d.failure() == null ? List.of() : List.of(d.failure())));
    return new SourceDiscoverSchemaRead(d.catalog().map(Catalogs::toApi).orElse(null), job, d.catalogId().orElse(null),
        d.diff().map(DiscoverReads::diff).orElse(null), d.diff().isPresent() ? d.breakingChange() : null, null);
  }

  static CatalogDiff diff(List<StreamChange> changes) {
    return new CatalogDiff(changes.stream()
        .map(c -> new StreamTransform(c.type(), new StreamDescriptor(c.stream().name(), c.stream().namespace()), c.fields()))
        .toList());
  }
}
