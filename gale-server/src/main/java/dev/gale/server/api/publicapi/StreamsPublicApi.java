package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.PublicStreams;
import dev.gale.server.api.publicapi.model.StreamResources.LegacyStreamPropertiesResponse;
import dev.gale.server.api.publicapi.model.StreamResources.StreamProperties;
import dev.gale.server.api.publicapi.model.StreamResources.StreamPropertiesAnswer;
import dev.gale.server.api.publicapi.model.StreamResources.StreamPropertiesResponse;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import java.util.List;

/**
 * The Public API's {@code GET /streams}. Its answer is a bare array for Airbyte's current document and Python SDK,
 * and {@code {"streams": [...]}} for the Java SDK 0.x, which reads only that (see {@link StreamPropertiesAnswer}).
 */
public final class StreamsPublicApi implements ApiModule {
  private final PublicStreams streams;

  public StreamsPublicApi(PublicStreams streams) {
    this.streams = requireNonNull(streams, "streams is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(get("/streams", "public_streams", "The streams of a source, with the sync modes each offers",
        StreamPropertiesAnswer.class, (body, call) -> properties(call))
        .withQuery(QueryParameter.uuid("sourceId").mandatory(), QueryParameter.uuid("destinationId"),
            QueryParameter.bool("ignoreCache")));
  }

  private StreamPropertiesAnswer properties(Call call) {
    ClientAgent client = ClientAgent.of(call);
    List<StreamProperties> properties = LegacyEnums.streams(client, streams.properties(call.queryUuid("sourceId").orElseThrow(),
        call.queryUuid("destinationId").orElse(null), call.queryBoolean("ignoreCache", false)));
    return client.readsStreamsAsObject() ? new LegacyStreamPropertiesResponse(properties)
        : new StreamPropertiesResponse(properties);
  }
}
