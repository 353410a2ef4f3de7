package dev.gale.server.api.publicapi.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import dev.gale.server.api.publicapi.model.TagResources.Tag;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.SyncCatalog.SelectedFieldInfo;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bodies of the Public API's {@code /connections}, under the names of Airbyte's {@code api.yaml}. Its enums spell
 * some values differently from the Config API's ({@code custom_format}, {@code disable_connection}) and flatten a
 * stream's two sync modes into one ({@code incremental_deduped_history}); each enum here maps to Gale's own.
 */
public final class ConnectionResources {
  private ConnectionResources() {}

  /**
   * @param configurations the streams to sync; absent (or empty), every stream the source offers, each in its default
   *     mode
   * @param dataResidency deprecated by Airbyte; {@code auto}, {@code us} or {@code eu}, else the workspace's default
   * @param tags only each tag's {@code tagId} is read: a tag is changed through {@code /tags}
   */
  public record ConnectionCreateRequest(@MaxLength(TEXT) String name, @Required UUID sourceId, @Required UUID destinationId,
                                        StreamConfigurations configurations, AirbyteApiConnectionSchedule schedule,
                                        String dataResidency, NamespaceDefinitionEnum namespaceDefinition,
                                        @MaxLength(TEXT) String namespaceFormat,
                                        @MaxLength(TEXT) String prefix,
                                        NonBreakingSchemaUpdatesBehaviorEnum nonBreakingSchemaUpdatesBehavior,
                                        ConnectionStatus status, List<Tag> tags) {}

  /** A patch: absent fields keep their value; {@code tags}, when given, become the connection's tags. */
  public record ConnectionPatchRequest(@MaxLength(TEXT) String name, StreamConfigurations configurations,
                                       AirbyteApiConnectionSchedule schedule, String dataResidency,
                                       NamespaceDefinitionEnum namespaceDefinition,
                                       @MaxLength(TEXT) String namespaceFormat, @MaxLength(TEXT) String prefix,
                                       NonBreakingSchemaUpdatesBehaviorEnum nonBreakingSchemaUpdatesBehavior,
                                       ConnectionStatus status, List<Tag> tags) {}

  /**
   * A connection as read. {@code dataResidency} is no longer in Airbyte's document, but its 2023 document (and the
   * Java SDK generated from it) has it; {@code createdAt} is in epoch seconds.
   */
  public record ConnectionResponse(@Required UUID connectionId, @Required String name, @Required UUID sourceId,
                                   @Required UUID destinationId, @Required UUID workspaceId,
                                   @Required ConnectionStatus status, @Required ConnectionScheduleResponse schedule,
                                   Geography dataResidency,
                                   NonBreakingSchemaUpdatesBehaviorEnum nonBreakingSchemaUpdatesBehavior,
                                   NamespaceDefinitionEnum namespaceDefinition, String namespaceFormat, String prefix,
                                   @Required StreamConfigurations configurations, @Required Long createdAt,
                                   @Required List<Tag> tags) {
    /** The same connection with these schema-change behavior and streams (answers for older clients). */
    public ConnectionResponse with(NonBreakingSchemaUpdatesBehaviorEnum behavior, StreamConfigurations streams) {
      return new ConnectionResponse(connectionId, name, sourceId, destinationId, workspaceId, status, schedule,
          dataResidency, behavior, namespaceDefinition, namespaceFormat, prefix, streams, createdAt, tags);
    }
  }

  public record ConnectionsResponse(@Required List<ConnectionResponse> data, String next, String previous) {}

  public record StreamConfigurations(List<StreamConfiguration> streams) {}

  /**
   * One stream of a connection, named by its name (and its namespace, where the source has several). What a request
   * leaves out comes from the source: the cursor and primary key it defines, and the default sync mode.
   *
   * @param selectedFields the top-level fields to sync; absent, all of them
   * @param mappers Airbyte's record mappers, which Gale does not run: only an empty list is accepted
   */
  public record StreamConfiguration(@Required String name, String namespace, ConnectionSyncModeEnum syncMode,
                                    List<String> cursorField, List<List<String>> primaryKey,
                                    List<SelectedFieldInfo> selectedFields, List<JsonNode> mappers) {}

  /** When a connection syncs: by hand, or by a Quartz cron expression (in UTC unless a time zone ends it). */
  public record AirbyteApiConnectionSchedule(@Required ScheduleTypeEnum scheduleType, String cronExpression) {}

  /**
   * @param cronExpression the expression followed by its time zone ({@code 0 0 12 * * ? UTC})
   * @param basicTiming a basic schedule (made through the Config API) as Airbyte words it: {@code Every 24 HOURS}
   */
  public record ConnectionScheduleResponse(@Required ScheduleTypeWithBasicEnum scheduleType, String cronExpression,
                                           String basicTiming) {}

  /** What a request may ask for; basic schedules are made through the Config API and only read here. */
  public enum ScheduleTypeEnum {
    @JsonProperty("manual") MANUAL,
    @JsonProperty("cron") CRON
  }

  public enum ScheduleTypeWithBasicEnum {
    @JsonProperty("manual") MANUAL,
    @JsonProperty("cron") CRON,
    @JsonProperty("basic") BASIC
  }

  public enum NamespaceDefinitionEnum {
    @JsonProperty("source") SOURCE(NamespaceDefinitionType.SOURCE),
    @JsonProperty("destination") DESTINATION(NamespaceDefinitionType.DESTINATION),
    @JsonProperty("custom_format") CUSTOM_FORMAT(NamespaceDefinitionType.CUSTOMFORMAT);

    private final NamespaceDefinitionType domain;

    NamespaceDefinitionEnum(NamespaceDefinitionType domain) {
      this.domain = domain;
    }

    public NamespaceDefinitionType domain() {
      return domain;
    }

    public static NamespaceDefinitionEnum of(NamespaceDefinitionType domain) {
      return Arrays.stream(values()).filter(value -> value.domain == domain).findFirst().orElseThrow();
    }
  }

  public enum NonBreakingSchemaUpdatesBehaviorEnum {
    @JsonProperty("ignore") IGNORE(NonBreakingChangesPreference.IGNORE),
    @JsonProperty("disable_connection") DISABLE_CONNECTION(NonBreakingChangesPreference.DISABLE),
    @JsonProperty("propagate_columns") PROPAGATE_COLUMNS(NonBreakingChangesPreference.PROPAGATE_COLUMNS),
    @JsonProperty("propagate_fully") PROPAGATE_FULLY(NonBreakingChangesPreference.PROPAGATE_FULLY);

    private final NonBreakingChangesPreference domain;

    NonBreakingSchemaUpdatesBehaviorEnum(NonBreakingChangesPreference domain) {
      this.domain = domain;
    }

    public NonBreakingChangesPreference domain() {
      return domain;
    }

    public static NonBreakingSchemaUpdatesBehaviorEnum of(NonBreakingChangesPreference domain) {
      return Arrays.stream(values()).filter(value -> value.domain == domain).findFirst().orElseThrow();
    }
  }

  /**
   * A stream's sync mode as one value: how the source reads it and how the destination writes it. Gale's destinations
   * have no {@code overwrite_dedup}, so {@code full_refresh_overwrite_deduped} is known but cannot run.
   */
  public enum ConnectionSyncModeEnum {
    @JsonProperty("full_refresh_overwrite") FULL_REFRESH_OVERWRITE(SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE),
    @JsonProperty("full_refresh_overwrite_deduped") FULL_REFRESH_OVERWRITE_DEDUPED(SyncMode.FULL_REFRESH, null),
    @JsonProperty("full_refresh_append") FULL_REFRESH_APPEND(SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND),
    @JsonProperty("full_refresh_update") FULL_REFRESH_UPDATE(SyncMode.FULL_REFRESH, DestinationSyncMode.UPDATE),
    @JsonProperty("full_refresh_soft_delete") FULL_REFRESH_SOFT_DELETE(SyncMode.FULL_REFRESH, DestinationSyncMode.SOFT_DELETE),
    @JsonProperty("incremental_append") INCREMENTAL_APPEND(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND),
    @JsonProperty("incremental_deduped_history") INCREMENTAL_DEDUPED_HISTORY(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP),
    @JsonProperty("incremental_update") INCREMENTAL_UPDATE(SyncMode.INCREMENTAL, DestinationSyncMode.UPDATE),
    @JsonProperty("incremental_soft_delete") INCREMENTAL_SOFT_DELETE(SyncMode.INCREMENTAL, DestinationSyncMode.SOFT_DELETE);

    private final SyncMode syncMode;
    private final DestinationSyncMode destinationSyncMode;

    ConnectionSyncModeEnum(SyncMode syncMode, DestinationSyncMode destinationSyncMode) {
      this.syncMode = syncMode;
      this.destinationSyncMode = destinationSyncMode;
    }

    public SyncMode syncMode() {
      return syncMode;
    }

    /** Null when Gale has no such destination sync mode. */
    public DestinationSyncMode destinationSyncMode() {
      return destinationSyncMode;
    }

    public boolean runsOnGale() {
      return destinationSyncMode != null;
    }

    /** The flattened mode of a (source, destination) pair. */
    public static Optional<ConnectionSyncModeEnum> of(SyncMode syncMode, DestinationSyncMode destinationSyncMode) {
      return Arrays.stream(values())
          .filter(value -> value.runsOnGale() && value.syncMode == syncMode && value.destinationSyncMode == destinationSyncMode)
          .findFirst();
    }
  }
}
