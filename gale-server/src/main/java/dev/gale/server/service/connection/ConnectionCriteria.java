package dev.gale.server.service.connection;

import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.NamespaceDefinitionType;
import dev.gale.server.domain.ScheduleData.ConnectionSchedule;
import dev.gale.server.domain.ScheduleData.ConnectionScheduleData;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.service.actor.ActorService;
import java.util.UUID;

/**
 * What a connection search asks for: every criterion given (not null) must equal the connection's value; blank
 * texts count as not given, as in Airbyte.
 *
 * @param source criteria on the connection's source; null for none
 * @param destination criteria on the connection's destination; null for none
 */
public record ConnectionCriteria(UUID connectionId, String name, NamespaceDefinitionType namespaceDefinition,
                                 String namespaceFormat, String prefix, UUID sourceId, UUID destinationId,
                                 ConnectionSchedule schedule, ScheduleType scheduleType,
                                 ConnectionScheduleData scheduleData, ConnectionStatus status,
                                 ActorService.Criteria source, ActorService.Criteria destination) {}
