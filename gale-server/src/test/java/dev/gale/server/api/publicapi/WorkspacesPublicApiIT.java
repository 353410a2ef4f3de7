package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicApiCalls.PUBLIC;
import static dev.gale.server.api.publicapi.PublicApiCalls.delete;
import static dev.gale.server.api.publicapi.PublicApiCalls.get;
import static dev.gale.server.api.publicapi.PublicApiCalls.patch;
import static dev.gale.server.api.publicapi.PublicApiCalls.post;
import static dev.gale.server.api.publicapi.PublicApiCalls.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/public/v1/workspaces}, and the Config API's organization views of workspaces. */
class WorkspacesPublicApiIT {
  private static final String DEFAULT_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static ApiClient bearer;

  @BeforeAll
  static void token() {
    bearer = PublicApiCalls.bearer(gale);
  }

  @Test
  void workspaceIsCreatedReadRenamedAndDeletedWithAToken() {
    JsonNode created = post(bearer, "/workspaces", Map.of("name", "Analytics")).expect(200);
    String id = created.path("workspaceId").asText();
    assertThat(created.path("name").asText()).isEqualTo("Analytics");
    assertThat(created.path("dataResidency").asText()).isEqualTo("auto");
    assertThat(created.at("/notifications/failure/email/enabled").asBoolean(true)).isFalse();
    assertThat(get(bearer, "/workspaces/" + id).expect(200)).isEqualTo(created);

    JsonNode renamed = patch(bearer, "/workspaces/" + id, Map.of("name", "Analytics EU")).expect(200);
    assertThat(renamed.path("name").asText()).isEqualTo("Analytics EU");
    assertThat(renamed.path("notifications")).isEqualTo(created.path("notifications"));
    // The Config API sees the same workspace.
    assertThat(gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", id)).expect(200).path("name").asText())
        .isEqualTo("Analytics EU");

    JsonNode deleted = delete(bearer, "/workspaces/" + id).expect(204);
    assertThat(deleted.isMissingNode()).isTrue();
    get(bearer, "/workspaces/" + id).expectProblem(404);
    delete(bearer, "/workspaces/" + id).expectProblem(404);
    patch(bearer, "/workspaces/" + id, Map.of("name", "Gone")).expectProblem(404);
  }

  @Test
  void basicAuthWorksAsWell() {
    JsonNode created = post(gale.api(), "/workspaces", Map.of("name", "Basic " + UUID.randomUUID())).expect(200);
    assertThat(get(gale.api(), "/workspaces/" + created.path("workspaceId").asText()).expect(200)).isEqualTo(created);
  }

  @Test
  void notificationsAreSetAndPatchedKindByKind() {
    Map<String, Object> failure = Map.of("email", Map.of("enabled", true),
        "webhook", Map.of("enabled", true, "url", "https://hooks.example.com/failures"));
    JsonNode created = post(bearer, "/workspaces", Map.of("name", "Notified", "notifications", Map.of("failure", failure,
        "success", Map.of("email", Map.of("enabled", true))))).expect(200);
    String id = created.path("workspaceId").asText();
    assertThat(created.at("/notifications/failure/email/enabled").asBoolean()).isTrue();
    assertThat(created.at("/notifications/failure/webhook/enabled").asBoolean()).isTrue();
    assertThat(created.at("/notifications/failure/webhook/url").asText()).isEqualTo("https://hooks.example.com/failures");
    assertThat(created.at("/notifications/success/email/enabled").asBoolean()).isTrue();
    assertThat(created.at("/notifications/success/webhook/enabled").asBoolean()).isFalse();
    assertThat(created.at("/notifications/syncDisabled/email/enabled").asBoolean()).isFalse();

    // Only the kind sent changes; the others keep their settings.
    JsonNode patched = patch(bearer, "/workspaces/" + id, Map.of("notifications",
        Map.of("success", Map.of("email", Map.of("enabled", false))))).expect(200);
    assertThat(patched.at("/notifications/success/email/enabled").asBoolean()).isFalse();
    assertThat(patched.at("/notifications/failure")).isEqualTo(created.at("/notifications/failure"));
    assertThat(patched.path("name").asText()).isEqualTo("Notified");

    // The Config API shows the same settings in Airbyte's own form.
    JsonNode settings = gale.api().post("/api/v1/workspaces/get", Map.of("workspaceId", id)).expect(200)
        .path("notificationSettings");
    assertThat(Json.convert(settings.at("/sendOnFailure/notificationType"), List.class))
        .containsExactlyInAnyOrder("customerio", "slack");
    assertThat(settings.at("/sendOnFailure/slackConfiguration/webhook").asText()).isEqualTo("https://hooks.example.com/failures");
  }

  @Test
  void anEnabledWebhookNeedsAUrl() {
    JsonNode problem = post(bearer, "/workspaces", Map.of("name", "No URL",
        "notifications", Map.of("failure", Map.of("webhook", Map.of("enabled", true))))).expectProblem(422);
    assertThat(problem.path("detail").asText()).contains("notifications.failure.webhook.url");
  }

  @Test
  void listPagesWalkTheWholeSelectionWithAbsoluteLinks() {
    List<String> ids = new ArrayList<>();
    String prefix = "Paged " + UUID.randomUUID().toString().substring(0, 8) + " ";
    for (int i = 0; i < 25; i++) {
      ids.add(post(bearer, "/workspaces", Map.of("name", prefix + String.format(Locale.ROOT, "%02d", 24 - i))).expect(200)
          .path("workspaceId").asText());
    }
    String selection = ids.stream().map(id -> "workspaceIds=" + id).collect(Collectors.joining("&"));

    List<JsonNode> rows = walk(bearer, "/workspaces?" + selection + "&limit=10", 10);
    assertThat(rows).hasSize(25);
    assertThat(rows.stream().map(row -> row.path("workspaceId").asText()).toList()).containsExactlyInAnyOrderElementsOf(ids);
    List<String> names = rows.stream().map(row -> row.path("name").asText()).toList();
    assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());

    JsonNode second = get(bearer, "/workspaces?" + selection + "&limit=10&offset=10").expect(200);
    assertThat(second.path("data").size()).isEqualTo(10);
    assertThat(second.path("next").asText()).contains("offset=20").contains("workspaceIds=" + ids.get(0));
    assertThat(second.path("previous").asText()).contains("offset=0");
    JsonNode last = get(bearer, "/workspaces?" + selection + "&limit=10&offset=20").expect(200);
    assertThat(last.path("data").size()).isEqualTo(5);
    assertThat(last.has("next")).isFalse();

    // The default page is 20.
    JsonNode first = get(bearer, "/workspaces?" + selection).expect(200);
    assertThat(first.path("data").size()).isEqualTo(20);
    assertThat(first.path("next").asText()).contains("limit=20").contains("offset=20");
    // Without a selection every live workspace is listed, the default one among them.
    List<JsonNode> everything = walk(bearer, "/workspaces?limit=100", 100);
    assertThat(everything.stream().map(row -> row.path("name").asText())).contains("Default Workspace", prefix + "00");
  }

  @Test
  void deletedWorkspacesAreListedOnlyWhenAsked() {
    String kept = post(bearer, "/workspaces", Map.of("name", "Kept")).expect(200).path("workspaceId").asText();
    String gone = post(bearer, "/workspaces", Map.of("name", "Gone")).expect(200).path("workspaceId").asText();
    delete(bearer, "/workspaces/" + gone).expect(204);
    String selection = "workspaceIds=" + kept + "&workspaceIds=" + gone;

    assertThat(get(bearer, "/workspaces?" + selection).expect(200).path("data").findValuesAsText("workspaceId"))
        .containsExactly(kept);
    assertThat(get(bearer, "/workspaces?" + selection + "&includeDeleted=true").expect(200).path("data")
        .findValuesAsText("workspaceId")).containsExactlyInAnyOrder(kept, gone);
  }

  @Test
  void badListParametersAre400Problems() {
    assertThat(get(bearer, "/workspaces?limit=0").expectProblem(400).path("detail").asText()).contains("limit");
    get(bearer, "/workspaces?limit=101").expectProblem(400);
    get(bearer, "/workspaces?offset=-1").expectProblem(400);
    get(bearer, "/workspaces?limit=ten").expectProblem(400);
    assertThat(get(bearer, "/workspaces?includeDeleted=maybe").expectProblem(400).path("detail").asText())
        .contains("includeDeleted");
    assertThat(get(bearer, "/workspaces?workspaceIds=not-a-uuid").expectProblem(400).path("detail").asText())
        .contains("workspaceIds");
    get(bearer, "/workspaces?limit=100").expect(200);
    get(bearer, "/workspaces?limit=1").expect(200);
  }

  @Test
  void wrongRequestsAre4xxProblems() {
    post(bearer, "/workspaces", "{\"name\": ").expectProblem(400);
    post(bearer, "/workspaces", Map.of()).expectProblem(422);
    post(bearer, "/workspaces", Map.of("name", "  ")).expectProblem(422);
    post(bearer, "/workspaces", Map.of("name", Map.of("first", "a"))).expectProblem(422);
    post(bearer, "/workspaces", Map.of("name", "Typed", "notifications", "all")).expectProblem(422);
    assertThat(post(bearer, "/workspaces", Map.of("name", "Elsewhere", "organizationId", UUID.randomUUID().toString()))
        .expectProblem(404).path("detail").asText()).contains("organization");
    assertThat(post(bearer, "/workspaces", Map.of("name", "Regional", "regionId", UUID.randomUUID().toString()))
        .expectProblem(422).path("detail").asText()).contains("regionId");
    get(bearer, "/workspaces/" + UUID.randomUUID()).expectProblem(404);
    get(bearer, "/workspaces/not-a-uuid").expectProblem(404);
    delete(bearer, "/workspaces/not-a-uuid").expectProblem(404);
    String id = post(bearer, "/workspaces", Map.of("name", "Target")).expect(200).path("workspaceId").asText();
    patch(bearer, "/workspaces/" + id, Map.of("name", "")).expectProblem(422);
    patch(bearer, "/workspaces/" + id, "[1, 2]").expectProblem(422);
    // An empty patch changes nothing.
    assertThat(patch(bearer, "/workspaces/" + id, Map.of()).expect(200).path("name").asText()).isEqualTo("Target");
  }

  @Test
  void aWorkspaceKnowsItsOrganization() {
    String id = post(bearer, "/workspaces", Map.of("name", "Org member")).expect(200).path("workspaceId").asText();
    ApiClient config = gale.api().beyondAirbyteDocument();

    JsonNode info = config.post("/api/v1/workspaces/get_organization_info", Map.of("workspaceId", id)).expect(200);
    assertThat(info.path("organizationId").asText()).isEqualTo(DEFAULT_ORGANIZATION);
    assertThat(info.path("organizationName").asText()).isEqualTo("Default Organization");
    assertThat(info.path("sso").asBoolean(true)).isFalse();
    assertThat(info.path("scim").asBoolean(true)).isFalse();

    config.post("/api/v1/workspaces/get_organization_info", Map.of("workspaceId", UUID.randomUUID().toString())).expectError(404);
    config.post("/api/v1/workspaces/get_organization_info", Map.of()).expectError(422);

    // PyAirbyte asks the organization itself too.
    assertThat(config.post("/api/v1/organizations/get_organization_info", Map.of("organizationId", DEFAULT_ORGANIZATION))
        .expect(200)).isEqualTo(info);
    config.post("/api/v1/organizations/get_organization_info", Map.of("organizationId", UUID.randomUUID().toString()))
        .expectError(404);
  }

  @Test
  void anOrganizationsWorkspacesAreListedByNameAndPage() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    for (String name : List.of("b " + tag, "a " + tag, "c " + tag)) {
      post(bearer, "/workspaces", Map.of("name", name)).expect(200);
    }
    ApiClient config = gale.api().beyondAirbyteDocument();
    String path = "/api/v1/workspaces/list_by_organization_id";

    JsonNode all = config.post(path, Map.of("organizationId", DEFAULT_ORGANIZATION, "nameContains", tag.toUpperCase(Locale.ROOT)))
        .expect(200);
    assertThat(all.path("workspaces").findValuesAsText("name")).containsExactly("a " + tag, "b " + tag, "c " + tag);
    JsonNode window = config.post(path, Map.of("organizationId", DEFAULT_ORGANIZATION, "nameContains", tag,
        "pagination", Map.of("pageSize", 1, "rowOffset", 1))).expect(200);
    assertThat(window.path("workspaces").findValuesAsText("name")).containsExactly("b " + tag);
    JsonNode everyOne = config.post(path, Map.of("organizationId", DEFAULT_ORGANIZATION)).expect(200);
    assertThat(everyOne.path("workspaces").findValuesAsText("name")).contains("Default Workspace", "a " + tag);

    config.post(path, Map.of("organizationId", UUID.randomUUID().toString())).expectError(404);
    config.post(path, Map.of("organizationId", DEFAULT_ORGANIZATION, "pagination", Map.of("pageSize", 0))).expectError(422);
    config.post(path, Map.of("organizationId", DEFAULT_ORGANIZATION, "pagination", Map.of("rowOffset", -1))).expectError(422);
  }
}
