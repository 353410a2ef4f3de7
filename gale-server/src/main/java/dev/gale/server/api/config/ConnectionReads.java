package dev.gale.server.api.config;

import dev.gale.server.api.model.ActorBodies.DestinationSearch;
import dev.gale.server.api.model.ActorBodies.SourceSearch;
import dev.gale.server.api.model.ConnectionBodies.ConnectionCreate;
import dev.gale.server.api.model.ConnectionBodies.ConnectionRead;
import dev.gale.server.api.model.ConnectionBodies.ConnectionReadList;
import dev.gale.server.api.model.ConnectionBodies.ConnectionSearch;
import dev.gale.server.api.model.ConnectionBodies.ConnectionUpdate;
import dev.gale.server.domain.Connection;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.connection.ConnectionChanges;
import dev.gale.server.service.connection.ConnectionCriteria;
import dev.gale.server.service.connection.ConnectionView;
import dev.gale.server.service.connection.NewConnection;
import java.util.List;

/** Maps the Config API's connection bodies to the connection service's inputs, and its connections to the API's reads. */
public final class ConnectionReads {
  private ConnectionReads() {}

  public static ConnectionRead read(ConnectionView view) {
    Connection c = view.connection();
    return new ConnectionRead(c.id(), c.name(), c.namespaceDefinition(), c.namespaceFormat(), c.prefix(), c.sourceId(),
        c.destinationId(), c.operationIds(), view.syncCatalog(), view.schedule(), c.scheduleType(), view.scheduleData(),
        c.status(), view.resourceRequirements(), c.sourceCatalogId(), c.geography(), c.breakingChange(),
        c.notifySchemaChanges(), c.notifySchemaChangesByEmail(), c.nonBreakingChangesPreference(),
        c.backfillPreference(), view.workspaceId(), c.createdAt().getEpochSecond());
  }

  public static ConnectionReadList list(List<ConnectionView> views) {
    return new ConnectionReadList(views.stream().map(ConnectionReads::read).toList());
  }

  public static NewConnection newConnection(ConnectionCreate c) {
    return new NewConnection(c.name(), c.namespaceDefinition(), c.namespaceFormat(), c.prefix(), c.sourceId(),
        c.destinationId(), c.operationIds(), c.syncCatalog(), c.schedule(), c.scheduleType(), c.scheduleData(),
        c.status(), c.resourceRequirements(), c.sourceCatalogId(), c.geography(), c.notifySchemaChanges(),
        c.notifySchemaChangesByEmail(), c.nonBreakingChangesPreference(), c.backfillPreference());
  }

  public static ConnectionChanges changes(ConnectionUpdate u) {
    return new ConnectionChanges(u.connectionId(), u.namespaceDefinition(), u.namespaceFormat(), u.name(), u.prefix(),
        u.operationIds(), u.syncCatalog(), u.schedule(), u.scheduleType(), u.scheduleData(), u.status(),
        u.resourceRequirements(), u.sourceCatalogId(), u.geography(), u.notifySchemaChanges(),
        u.notifySchemaChangesByEmail(), u.nonBreakingChangesPreference(), u.backfillPreference(), u.breakingChange());
  }

  public static ConnectionCriteria criteria(ConnectionSearch s) {
    return new ConnectionCriteria(s.connectionId(), s.name(), s.namespaceDefinition(), s.namespaceFormat(), s.prefix(),
        s.sourceId(), s.destinationId(), s.schedule(), s.scheduleType(), s.scheduleData(), s.status(),
        s.source() == null ? null : source(s.source()), s.destination() == null ? null : destination(s.destination()));
  }

  private static ActorService.Criteria source(SourceSearch s) {
    return new ActorService.Criteria(s.sourceId(), s.workspaceId(), s.sourceDefinitionId(), s.name(), s.sourceName(),
        s.connectionConfiguration());
  }

  private static ActorService.Criteria destination(DestinationSearch d) {
    return new ActorService.Criteria(d.destinationId(), d.workspaceId(), d.destinationDefinitionId(), d.name(),
        d.destinationName(), d.connectionConfiguration());
  }
}
