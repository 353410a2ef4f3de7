package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static dev.gale.server.api.publicapi.PublicRoutes.pathId;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.model.TagResources.TagCreateRequest;
import dev.gale.server.api.publicapi.model.TagResources.TagPatchRequest;
import dev.gale.server.api.publicapi.model.TagResources.TagResponse;
import dev.gale.server.api.publicapi.model.TagResources.TagsResponse;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.workspace.TagService;
import java.util.List;
import java.util.UUID;

/** The Public API's {@code /tags}. */
public final class TagsPublicApi implements ApiModule {
  private static final String TAG = "public_tags";
  private final TagService tags;

  public TagsPublicApi(TagService tags) {
    this.tags = requireNonNull(tags, "tags is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/tags", TAG, "List the tags of workspaces (of every workspace when none is given)", TagsResponse.class,
            (body, call) -> new TagsResponse(tags.list(call.queryUuids("workspaceIds")).stream().map(TagResponse::of).toList()))
            .withQuery(QueryParameter.uuids("workspaceIds")),
        post("/tags", TAG, "Create a tag", TagCreateRequest.class, TagResponse.class,
            (body, call) -> TagResponse.of(tags.create(body.workspaceId(), body.name(), body.color()))),
        get("/tags/{tagId}", TAG, "Get a tag", TagResponse.class, (body, call) -> TagResponse.of(tags.get(id(call)))),
        patch("/tags/{tagId}", TAG, "Rename or recolor a tag", TagPatchRequest.class, TagResponse.class,
            (body, call) -> TagResponse.of(tags.update(id(call), body.name(), body.color()))),
        delete("/tags/{tagId}", TAG, "Delete a tag, taking it off its connections", (body, call) -> {
          tags.delete(id(call));
          return null;
        }));
  }

  private static UUID id(Call call) {
    return pathId(call, "tagId", "tag");
  }
}
