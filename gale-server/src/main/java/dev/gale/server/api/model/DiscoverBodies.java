package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobRead;
import dev.gale.server.api.model.StateBodies.StreamDescriptor;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.SchemaChanges.FieldTransform;
import dev.gale.server.domain.SchemaChanges.StreamTransformType;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import dev.gale.server.store.StoreLimits;
import java.util.List;
import java.util.UUID;

/** Bodies of schema discovery ({@code sources/discover_schema} and the catalog cache endpoints). */
public final class DiscoverBodies {
  private DiscoverBodies() {}

  /** {@code disable_cache} is snake_case in Airbyte's API too. */
  public record SourceDiscoverSchemaRequestBody(@Required UUID sourceId, UUID connectionId,
                                                @JsonProperty("disable_cache") Boolean disableCache,
                                                Boolean notifySchemaChange) {}

  public record SourceDiscoverSchemaRead(AirbyteCatalog catalog, @Required SynchronousJobRead jobInfo, UUID catalogId,
                                         CatalogDiff catalogDiff, Boolean breakingChange, ConnectionStatus connectionStatus) {}

  public record ActorCatalogWithUpdatedAt(Long updatedAt, JsonNode catalog) {}

  public record SourceDiscoverSchemaWriteRequestBody(@Required AirbyteCatalog catalog, UUID sourceId,
                                                     @MaxLength(TEXT) String connectorVersion,
                                                     @MaxLength(StoreLimits.HASH) String configurationHash) {}

  public record DiscoverCatalogResult(@Required UUID catalogId) {}

  public record CatalogDiff(@Required List<StreamTransform> transforms) {}

  public record StreamTransform(@Required StreamTransformType transformType, @Required StreamDescriptor streamDescriptor,
                                List<FieldTransform> updateStream) {}
}
