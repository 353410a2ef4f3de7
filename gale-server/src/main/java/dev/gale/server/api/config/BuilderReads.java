package dev.gale.server.api.config;

import dev.gale.server.api.model.BuilderBodies.BaseActorDefinitionVersionInfo;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectDetails;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectDetailsRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectReadList;
import dev.gale.server.api.model.BuilderBodies.ContributionInfo;
import dev.gale.server.api.model.BuilderBodies.DeclarativeManifestRead;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.service.builder.BuilderProjectService.ProjectDetails;
import dev.gale.server.service.builder.BuilderProjectService.ProjectView;
import dev.gale.server.service.builder.BuilderProjectService.ProjectWithManifest;
import java.util.List;

/** Maps connector builder projects to and from the Config API's bodies. */
final class BuilderReads {
  private BuilderReads() {}

  static ProjectDetails details(ConnectorBuilderProjectDetails details) {
    return new ProjectDetails(details.name(), details.draftManifest(), details.yamlManifest(),
        details.componentsFileContent(), details.baseActorDefinitionVersionId(), details.contributionPullRequestUrl(),
        details.contributionActorDefinitionId());
  }

  static ConnectorBuilderProjectReadList list(List<ProjectView> views) {
    return new ConnectorBuilderProjectReadList(views.stream().map(BuilderReads::details).toList());
  }

  static ConnectorBuilderProjectRead read(ProjectWithManifest project) {
    DeclarativeManifestRead manifest = project.draft() != null ? new DeclarativeManifestRead(project.draft(), true, null, null)
        : project.published() == null ? null : published(project.published());
    return new ConnectorBuilderProjectRead(details(project.view()), manifest, project.testingValues());
  }

  private static ConnectorBuilderProjectDetailsRead details(ProjectView view) {
    BuilderProject project = view.project();
    ContributionInfo contribution = project.contributionPullRequestUrl() == null || project.contributionActorDefinitionId() == null
        ? null : new ContributionInfo(project.contributionPullRequestUrl(), project.contributionActorDefinitionId());
    return new ConnectorBuilderProjectDetailsRead(project.name(), project.id(), project.actorDefinitionId(),
        view.activeVersion(), project.hasDraft(), project.updatedAt().getEpochSecond(),
        view.base() == null ? null : base(view.base()), contribution);
  }

  private static BaseActorDefinitionVersionInfo base(DefinitionWithVersion d) {
    return new BaseActorDefinitionVersionInfo(d.definition().name(), d.version().dockerRepository(),
        d.version().dockerImageTag(), d.definition().id(), d.definition().icon() == null ? "" : d.definition().icon(),
        d.version().documentationUrl());
  }

  private static DeclarativeManifestRead published(DeclarativeManifest manifest) {
    return new DeclarativeManifestRead(manifest.manifest(), false, manifest.version(),
        manifest.description() == null ? "" : manifest.description());
  }
}
