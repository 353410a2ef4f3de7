package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.DeclarativeBodies.DeclarativeManifestVersionRead;
import dev.gale.server.api.model.DeclarativeBodies.DeclarativeManifestsReadList;
import dev.gale.server.api.model.DeclarativeBodies.DeclarativeSourceDefinitionCreateManifestRequestBody;
import dev.gale.server.api.model.DeclarativeBodies.ListDeclarativeManifestsRequestBody;
import dev.gale.server.api.model.DeclarativeBodies.UpdateActiveManifestRequestBody;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.Route;
import dev.gale.server.service.definition.DeclarativeSourceService;
import java.util.List;

/** {@code /api/v1/declarative_source_definitions/*}: the manifest versions of a declarative source definition. */
public final class DeclarativeSourceDefinitionsApi implements ApiModule {
  private static final String TAG = "declarative_source_definitions";
  private static final String PATH = "/api/v1/declarative_source_definitions/";

  private final DeclarativeSourceService declaratives;

  public DeclarativeSourceDefinitionsApi(DeclarativeSourceService declaratives) {
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        rpc(PATH + "create_manifest", TAG, "Add a manifest version to a declarative source definition",
            DeclarativeSourceDefinitionCreateManifestRequestBody.class, Void.class, (body, call) -> {
              if (body.componentsFileContent() != null && !body.componentsFileContent().isBlank()) {
                throw new InvalidInputException("componentsFileContent", null,
                    "Gale runs declarative manifests without Python: custom components cannot run here");
              }
              declaratives.createManifest(body.workspaceId(), body.sourceDefinitionId(),
                  body.declarativeManifest().version(), body.declarativeManifest().manifest(),
                  body.declarativeManifest().description(), body.setAsActiveManifest());
              return null;
            }).created(),
        rpc(PATH + "update_active_manifest", TAG, "Choose the manifest version a declarative source definition runs",
            UpdateActiveManifestRequestBody.class, Void.class, (body, call) -> {
              declaratives.activate(body.workspaceId(), body.sourceDefinitionId(), body.version());
              return null;
            }),
        rpc(PATH + "list_manifests", TAG, "List the manifest versions of a declarative source definition",
            ListDeclarativeManifestsRequestBody.class, DeclarativeManifestsReadList.class,
            (body, call) -> new DeclarativeManifestsReadList(declaratives.listManifests(body.workspaceId(),
                body.sourceDefinitionId()).stream().map(version -> new DeclarativeManifestVersionRead(
                    version.manifest().version(), version.active(),
                    version.manifest().description() == null ? "" : version.manifest().description())).toList())));
  }
}
