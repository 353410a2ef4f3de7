package dev.gale.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.BackfillPreference;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.Geography;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.NonBreakingChangesPreference;
import dev.gale.server.domain.Operation;
import dev.gale.server.domain.OperatorType;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.domain.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Domain values for tests with every field set to something other than its default, so that a round trip through
 * the store proves each column is written and read back. Creation times lie in the past, so that anything the store
 * stamps later is after them.
 */
public final class StoreSamples {
  public static final UUID ORGANIZATION_ID = UUID.fromString("00000000-0000-0000-0000-000000000000");

  private StoreSamples() {}

  public static JsonNode json(String text) {
    return Json.parse(text);
  }

  public static Workspace workspace(String name, Instant now) {
    return new Workspace(UUID.randomUUID(), ORGANIZATION_ID, name, name.toLowerCase().replace(' ', '-'),
        name.replace(' ', '.') + "@example.com", true, false, true, true, false,
        json("[{\"notificationType\":\"slack\",\"sendOnSuccess\":true}]"),
        json("{\"sendOnFailure\":{\"notificationType\":[\"customerio\"]}}"),
        json("[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"hook\"}]"),
        true, false, Geography.EU, false, now.minusSeconds(160), now);
  }

  public static ActorDefinition definition(ActorType type, String name, boolean isPublic, Instant now) {
    return new ActorDefinition(UUID.randomUUID(), type, name, "<svg>" + name + "</svg>",
        type == ActorType.SOURCE ? SourceType.DATABASE : null, !isPublic, isPublic, false, null,
        json("{\"default\":{\"cpu_limit\":\"2\"}}"), now.minusSeconds(260), now);
  }

  public static ActorDefinitionVersion version(ActorDefinition definition, String tag, Instant now) {
    return new ActorDefinitionVersion(UUID.randomUUID(), definition.id(),
        "airbyte/" + definition.actorType().name().toLowerCase() + "-" + definition.name().toLowerCase(), tag,
        "https://docs.example.com/" + definition.name(),
        json("{\"connectionSpecification\":{\"type\":\"object\",\"properties\":{\"password\":{\"type\":\"string\",\"airbyte_secret\":true}}}}"),
        "0.5.2", ReleaseStage.BETA, LocalDate.of(2024, 2, 29), SupportLevel.CERTIFIED, now);
  }

  public static Actor actor(UUID workspaceId, ActorDefinition definition, String name, Instant now) {
    return new Actor(UUID.randomUUID(), workspaceId, definition.id(), definition.actorType(), name,
        json("{\"host\":\"localhost\",\"port\":5432,\"nested\":{\"list\":[1,2.5,\"x\",null,true]}}"),
        false, now.minusSeconds(360), now);
  }

  public static Operation operation(UUID workspaceId, String name, Instant now) {
    return new Operation(UUID.randomUUID(), workspaceId, name, OperatorType.WEBHOOK,
        json("{\"operatorType\":\"webhook\",\"webhook\":{\"webhookConfigId\":\"" + UUID.randomUUID() + "\"}}"),
        false, now.minusSeconds(460), now);
  }

  public static Connection connection(UUID sourceId, UUID destinationId, String name, List<UUID> operationIds,
                                      Instant now) {
    return new Connection(UUID.randomUUID(), name, sourceId, destinationId, NamespaceDefinitionType.CUSTOMFORMAT,
        "${SOURCE_NAMESPACE}_raw", "pre_",
        json("{\"streams\":[{\"stream\":{\"name\":\"users\",\"jsonSchema\":{}},\"config\":{\"syncMode\":\"incremental\",\"selected\":true}}]}"),
        ScheduleType.BASIC_SCHEDULE, json("{\"basicSchedule\":{\"timeUnit\":\"hours\",\"units\":24}}"),
        ConnectionStatus.ACTIVE, json("{\"cpu_request\":\"1\"}"), null, Geography.US, true,
        NonBreakingChangesPreference.PROPAGATE_COLUMNS, false, true, BackfillPreference.ENABLED, operationIds,
        now.minusSeconds(560), now);
  }
}
