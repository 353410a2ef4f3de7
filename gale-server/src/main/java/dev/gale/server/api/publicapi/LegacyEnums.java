package dev.gale.server.api.publicapi;

import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionResponse;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionSyncModeEnum;
import dev.gale.server.api.publicapi.model.ConnectionResources.NonBreakingSchemaUpdatesBehaviorEnum;
import dev.gale.server.api.publicapi.model.ConnectionResources.StreamConfiguration;
import dev.gale.server.api.publicapi.model.ConnectionResources.StreamConfigurations;
import dev.gale.server.api.publicapi.model.StreamResources.StreamProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Answers for clients that know only the enum values of Airbyte's 2023 Public API document
 * ({@link ClientAgent#knowsOnly2023Enums()}, the Java SDK 0.x): they throw on any other value, so a newer value is
 * answered as the nearest one they know, or left out where the field is optional and no 2023 value says the same.
 * Every such downgrade lives here, one method per enum, so each family follows the same pattern; job types, which
 * filters must match as well as answers, live in {@link PublicJobTypes}.
 *
 * <p>Nothing to do for a connection's {@code scheduleType} (manual, cron, basic), {@code status} (Gale has no
 * {@code locked}), {@code namespaceDefinition} and {@code dataResidency}: their 2023 values are all Gale answers.
 */
public final class LegacyEnums {
  static final Set<ConnectionSyncModeEnum> SYNC_MODES_2023 = EnumSet.of(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE,
      ConnectionSyncModeEnum.FULL_REFRESH_APPEND, ConnectionSyncModeEnum.INCREMENTAL_APPEND,
      ConnectionSyncModeEnum.INCREMENTAL_DEDUPED_HISTORY);

  private LegacyEnums() {}

  /**
   * The 2023 document knows {@code ignore} and {@code disable_connection}. Both propagate behaviors become
   * {@code ignore}: like it, they keep the connection syncing when a non-breaking change appears, whereas
   * {@code disable_connection} would tell the client its connection stops, which it does not.
   */
  public static NonBreakingSchemaUpdatesBehaviorEnum nonBreakingSchemaUpdatesBehavior(NonBreakingSchemaUpdatesBehaviorEnum value) {
    return switch (value) {
      case null -> null;
      case IGNORE, PROPAGATE_COLUMNS, PROPAGATE_FULLY -> NonBreakingSchemaUpdatesBehaviorEnum.IGNORE;
      case DISABLE_CONNECTION -> NonBreakingSchemaUpdatesBehaviorEnum.DISABLE_CONNECTION;
    };
  }

  /**
   * A 2023 sync mode as it is; a newer one ({@code incremental_update}...) left out (null): none of the four 2023
   * modes writes the same way, and a client that sent a wrong guess back would change the connection.
   */
  public static ConnectionSyncModeEnum syncMode(ConnectionSyncModeEnum value) {
    return value != null && SYNC_MODES_2023.contains(value) ? value : null;
  }

  /** The modes a stream offers, the ones a 2023 client cannot read left out. */
  public static List<ConnectionSyncModeEnum> syncModes(List<ConnectionSyncModeEnum> values) {
    return values == null ? null : values.stream().filter(SYNC_MODES_2023::contains).toList();
  }

  /** A connection as this client can read it. */
  public static ConnectionResponse connection(ClientAgent client, ConnectionResponse connection) {
    if (!client.knowsOnly2023Enums()) {
      return connection;
    }
    List<StreamConfiguration> streams = connection.configurations().streams() == null ? null
        : connection.configurations().streams().stream()
            .map(s -> new StreamConfiguration(s.name(), s.namespace(), syncMode(s.syncMode()), s.cursorField(),
                s.primaryKey(), s.selectedFields(), s.mappers()))
            .toList();
    return connection.with(nonBreakingSchemaUpdatesBehavior(connection.nonBreakingSchemaUpdatesBehavior()),
        new StreamConfigurations(streams));
  }

  /** Stream properties as this client can read them. */
  public static List<StreamProperties> streams(ClientAgent client, List<StreamProperties> streams) {
    if (!client.knowsOnly2023Enums()) {
      return streams;
    }
    return streams.stream()
        .map(s -> new StreamProperties(s.streamName(), s.streamnamespace(), syncModes(s.syncModes()),
            s.defaultCursorField(), s.sourceDefinedCursorField(), s.sourceDefinedPrimaryKey(), s.propertyFields()))
        .toList();
  }
}
