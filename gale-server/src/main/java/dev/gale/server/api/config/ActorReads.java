package dev.gale.server.api.config;

import dev.gale.server.api.model.ActorBodies.DestinationRead;
import dev.gale.server.api.model.ActorBodies.DestinationReadList;
import dev.gale.server.api.model.ActorBodies.SourceRead;
import dev.gale.server.api.model.ActorBodies.SourceReadList;
import dev.gale.server.service.actor.ActorView;
import java.util.List;

/** Maps actor views (configurations already masked) to the Config API's source and destination bodies. */
public final class ActorReads {
  private ActorReads() {}

  public static SourceRead source(ActorView v) {
    return new SourceRead(v.definitionId(), v.id(), v.workspaceId(), v.maskedConfiguration(), v.name(), v.definitionName(),
        v.icon(), v.createdAt().getEpochSecond());
  }

  public static DestinationRead destination(ActorView v) {
    return new DestinationRead(v.definitionId(), v.id(), v.workspaceId(), v.maskedConfiguration(), v.name(),
        v.definitionName(), v.icon(), v.createdAt().getEpochSecond());
  }

  public static SourceReadList sources(List<ActorView> views) {
    return new SourceReadList(views.stream().map(ActorReads::source).toList());
  }

  public static DestinationReadList destinations(List<ActorView> views) {
    return new DestinationReadList(views.stream().map(ActorReads::destination).toList());
  }
}
