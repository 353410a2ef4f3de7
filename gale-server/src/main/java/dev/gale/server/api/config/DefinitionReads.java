package dev.gale.server.api.config;

import dev.gale.protocol.ConnectorSpecification;
import dev.gale.server.api.model.DefinitionBodies.DefinitionCreate;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionSpecificationRead;
import dev.gale.server.api.model.DefinitionBodies.LogRead;
import dev.gale.server.api.model.DefinitionBodies.NormalizationDestinationDefinitionConfig;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionSpecificationRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobRead;
import dev.gale.server.api.model.DefinitionBodies.SynchronousJobType;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.service.definition.CustomDefinition;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Maps stored definitions to the Config API's definition and specification bodies. */
final class DefinitionReads {
  private DefinitionReads() {}

  static CustomDefinition custom(DefinitionCreate request) {
    return new CustomDefinition(request.name(), request.dockerRepository(), request.dockerImageTag(),
        request.documentationUrl(), request.icon(), request.resourceRequirements());
  }

  static SourceDefinitionRead source(DefinitionWithVersion dv) {
    ActorDefinition d = dv.definition();
    ActorDefinitionVersion v = dv.version();
    return new SourceDefinitionRead(d.id(), d.name(), v.dockerRepository(), v.dockerImageTag(), v.documentationUrl(), d.icon(),
        v.protocolVersion(), d.custom(), v.supportLevel(), v.releaseStage(), v.releaseDate(), d.sourceType(),
        d.resourceRequirements());
  }

  static DestinationDefinitionRead destination(DefinitionWithVersion dv) {
    ActorDefinition d = dv.definition();
    ActorDefinitionVersion v = dv.version();
    return new DestinationDefinitionRead(d.id(), d.name(), v.dockerRepository(), v.dockerImageTag(), v.documentationUrl(),
        d.icon(), v.protocolVersion(), d.custom(), v.supportLevel(), v.releaseStage(), v.releaseDate(),
        d.resourceRequirements(), false, new NormalizationDestinationDefinitionConfig(false));
  }

  static SourceDefinitionSpecificationRead sourceSpec(DefinitionWithVersion dv, ConnectorSpecification spec, Clock clock) {
    return new SourceDefinitionSpecificationRead(dv.definition().id(), docs(dv, spec), spec.connectionSpecification(),
        spec.advancedAuth(), specJob(dv, clock));
  }

  static DestinationDefinitionSpecificationRead destinationSpec(DefinitionWithVersion dv, ConnectorSpecification spec, Clock clock) {
    return new DestinationDefinitionSpecificationRead(dv.definition().id(), docs(dv, spec), spec.connectionSpecification(),
        spec.advancedAuth(), specJob(dv, clock),
        spec.supportedDestinationSyncModes() == null ? List.of() : spec.supportedDestinationSyncModes());
  }

  private static String docs(DefinitionWithVersion dv, ConnectorSpecification spec) {
    return spec.documentationUrl() != null ? spec.documentationUrl() : dv.version().documentationUrl();
  }

  /** Gale answers spec in process from the stored specification: the "job" succeeds at once. */
  private static SynchronousJobRead specJob(DefinitionWithVersion dv, Clock clock) {
    long now = clock.millis();
    return new SynchronousJobRead(UUID.randomUUID(), SynchronousJobType.GET_SPEC,
        dv.version().dockerRepository() + ":" + dv.version().dockerImageTag(), now, now, true, false, new LogRead(List.of()));
  }
}
