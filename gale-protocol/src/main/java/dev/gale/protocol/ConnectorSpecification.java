package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a connector needs to be configured. Field names are the protocol's own, camelCase and snake_case mixed.
 *
 * @param connectionSpecification JSON Schema (draft 7) of the configuration; {@code airbyte_secret: true} marks
 *     the properties whose values are secrets
 * @param supportedDestinationSyncModes destinations only; {@code null} for sources
 * @param authSpecification deprecated OAuth description, carried as given
 * @param advancedAuth OAuth flow description, carried as given
 */
public record ConnectorSpecification(
    @JsonProperty("documentationUrl") String documentationUrl,
    @JsonProperty("changelogUrl") String changelogUrl,
    @JsonProperty(value = "connectionSpecification", required = true) JsonNode connectionSpecification,
    @JsonProperty("supportsIncremental") Boolean supportsIncremental,
    @JsonProperty("supportsNormalization") Boolean supportsNormalization,
    @JsonProperty("supportsDBT") Boolean supportsDbt,
    @JsonProperty("supported_destination_sync_modes") List<DestinationSyncMode> supportedDestinationSyncModes,
    @JsonProperty("authSpecification") JsonNode authSpecification,
    @JsonProperty("advanced_auth") JsonNode advancedAuth,
    @JsonProperty("protocol_version") String protocolVersion) {

  public ConnectorSpecification {
    requireNonNull(connectionSpecification, "connectionSpecification is null");
    supportedDestinationSyncModes = supportedDestinationSyncModes == null ? null
        : List.copyOf(supportedDestinationSyncModes);
  }

  /** A specification with a documentation link and a configuration schema, nothing else. */
  public static ConnectorSpecification of(String documentationUrl, JsonNode connectionSpecification) {
    return new ConnectorSpecification(documentationUrl, null, connectionSpecification, null, null, null, null, null,
        null, null);
  }

  public ConnectorSpecification withSupportedDestinationSyncModes(List<DestinationSyncMode> modes) {
    return new ConnectorSpecification(documentationUrl, changelogUrl, connectionSpecification, supportsIncremental,
        supportsNormalization, supportsDbt, modes, authSpecification, advancedAuth, protocolVersion);
  }

  public ConnectorSpecification withSupportsIncremental(boolean supported) {
    return new ConnectorSpecification(documentationUrl, changelogUrl, connectionSpecification, supported,
        supportsNormalization, supportsDbt, supportedDestinationSyncModes, authSpecification, advancedAuth,
        protocolVersion);
  }
}
