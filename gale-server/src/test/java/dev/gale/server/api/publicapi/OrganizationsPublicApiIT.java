package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicApiCalls.delete;
import static dev.gale.server.api.publicapi.PublicApiCalls.get;
import static dev.gale.server.api.publicapi.PublicApiCalls.patch;
import static dev.gale.server.api.publicapi.PublicApiCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.GaleServerExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /organizations}, {@code /users} and {@code /permissions} of a single-organization deployment. */
class OrganizationsPublicApiIT {
  private static final String ORGANIZATION = "00000000-0000-0000-0000-000000000000";
  private static final String USER = "00000000-0000-0000-0000-000000000000";

  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static ApiClient bearer;

  @BeforeAll
  static void token() {
    bearer = PublicApiCalls.bearer(gale);
  }

  @Test
  void theOneOrganizationIsListed() {
    JsonNode organizations = get(bearer, "/organizations").expect(200).path("data");
    assertThat(organizations).hasSize(1);
    assertThat(organizations.at("/0/organizationId").asText()).isEqualTo(ORGANIZATION);
    assertThat(organizations.at("/0/organizationName").asText()).isEqualTo("Default Organization");
    assertThat(organizations.at("/0/email").asText()).isEqualTo("admin@example.com");
    assertThat(get(gale.api(), "/organizations").expect(200).path("data")).isEqualTo(organizations);
  }

  @Test
  void theOneUserIsListedAndFiltered() {
    JsonNode users = get(bearer, "/users?organizationId=" + ORGANIZATION).expect(200).path("data");
    assertThat(users).hasSize(1);
    assertThat(users.at("/0/id").asText()).isEqualTo(USER);
    assertThat(users.at("/0/name").asText()).isEqualTo("Default User");
    assertThat(users.at("/0/email").asText()).isEqualTo("admin@example.com");

    assertThat(get(bearer, "/users?organizationId=" + ORGANIZATION + "&ids=" + USER).expect(200).path("data")).hasSize(1);
    assertThat(get(bearer, "/users?organizationId=" + ORGANIZATION + "&emails=ADMIN@example.com").expect(200).path("data"))
        .hasSize(1);
    assertThat(get(bearer, "/users?organizationId=" + ORGANIZATION + "&ids=" + UUID.randomUUID()).expect(200).path("data"))
        .isEmpty();
    assertThat(get(bearer, "/users?organizationId=" + ORGANIZATION + "&emails=someone@example.com").expect(200)
        .path("data")).isEmpty();

    assertThat(get(bearer, "/users").expectProblem(400).path("detail").asText()).contains("organizationId");
    get(bearer, "/users?organizationId=not-a-uuid").expectProblem(400);
    get(bearer, "/users?organizationId=" + UUID.randomUUID()).expectProblem(404);
    get(bearer, "/users?organizationId=" + ORGANIZATION + "&ids=nope").expectProblem(400);
  }

  @Test
  void theUserIsInstanceAndOrganizationAdmin() {
    JsonNode all = get(bearer, "/permissions").expect(200).path("data");
    assertThat(all.findValuesAsText("permissionType")).containsExactlyInAnyOrder("instance_admin", "organization_admin");
    assertThat(all.findValuesAsText("userId")).containsOnly(USER);
    for (JsonNode permission : all) {
      String scope = permission.path("permissionType").asText().equals("instance_admin") ? "none" : "organization";
      assertThat(permission.path("scope").asText()).isEqualTo(scope);
      assertThat(permission.path("scopeId").asText()).isEqualTo(ORGANIZATION);
    }
    assertThat(get(bearer, "/permissions?userId=" + USER).expect(200).path("data")).isEqualTo(all);
    assertThat(get(bearer, "/permissions?organizationId=" + ORGANIZATION).expect(200).path("data")
        .findValuesAsText("permissionType")).containsExactly("organization_admin");
    assertThat(get(bearer, "/permissions?userId=" + UUID.randomUUID()).expect(200).path("data")).isEmpty();
    get(bearer, "/permissions?organizationId=" + UUID.randomUUID()).expectProblem(404);
    get(bearer, "/permissions?userId=me").expectProblem(400);

    String id = all.get(0).path("permissionId").asText();
    JsonNode one = get(bearer, "/permissions/" + id).expect(200);
    assertThat(one.path("permissionId").asText()).isEqualTo(id);
    assertThat(one.path("userId").asText()).isEqualTo(USER);
    get(bearer, "/permissions/" + UUID.randomUUID()).expectProblem(404);
    get(bearer, "/permissions/not-a-uuid").expectProblem(404);
  }

  @Test
  void permissionsOfOtherUsersCannotBeGranted() {
    String stranger = UUID.randomUUID().toString();
    JsonNode problem = post(bearer, "/permissions", Map.of("permissionType", "organization_reader", "userId", stranger,
        "organizationId", ORGANIZATION)).expectProblem(404);
    assertThat(problem.path("detail").asText()).contains(stranger).contains("one user");
    String workspaceId = post(bearer, "/workspaces", Map.of("name", "Shared")).expect(200).path("workspaceId").asText();
    post(bearer, "/permissions", Map.of("permissionType", "workspace_reader", "userId", stranger,
        "workspaceId", workspaceId)).expectProblem(404);
    assertThat(get(bearer, "/permissions").expect(200).path("data")).hasSize(2);
  }

  @Test
  void theUsersPermissionsAreFixed() {
    JsonNode organizationAdmin = get(bearer, "/permissions?organizationId=" + ORGANIZATION).expect(200).at("/data/0");
    String id = organizationAdmin.path("permissionId").asText();

    // Asking for what the user holds already changes nothing and answers it.
    JsonNode again = post(bearer, "/permissions", Map.of("permissionType", "organization_admin", "userId", USER,
        "organizationId", ORGANIZATION)).expect(200);
    assertThat(again.path("permissionId").asText()).isEqualTo(id);
    assertThat(again.path("organizationId").asText()).isEqualTo(ORGANIZATION);
    assertThat(patch(bearer, "/permissions/" + id, Map.of("permissionType", "organization_admin")).expect(200)
        .path("permissionId").asText()).isEqualTo(id);

    String workspaceId = post(bearer, "/workspaces", Map.of("name", "Owned")).expect(200).path("workspaceId").asText();
    assertThat(post(bearer, "/permissions", Map.of("permissionType", "workspace_admin", "userId", USER,
        "workspaceId", workspaceId)).expectProblem(409).path("detail").asText()).contains("instance_admin");
    assertThat(patch(bearer, "/permissions/" + id, Map.of("permissionType", "organization_reader")).expectProblem(409)
        .path("detail").asText()).contains("fixed");
    delete(bearer, "/permissions/" + id).expectProblem(409);
    delete(bearer, "/permissions/" + UUID.randomUUID()).expectProblem(404);
    patch(bearer, "/permissions/" + UUID.randomUUID(), Map.of("permissionType", "organization_admin")).expectProblem(404);
    assertThat(get(bearer, "/permissions").expect(200).path("data")).hasSize(2);
  }

  @Test
  void malformedPermissionRequestsAre4xx() {
    post(bearer, "/permissions", "{").expectProblem(400);
    post(bearer, "/permissions", Map.of("userId", USER)).expectProblem(422);
    post(bearer, "/permissions", Map.of("permissionType", "overlord", "userId", USER)).expectProblem(422);
    assertThat(post(bearer, "/permissions", Map.of("permissionType", "workspace_admin", "userId", USER))
        .expectProblem(422).path("detail").asText()).contains("workspaceId");
    assertThat(post(bearer, "/permissions", Map.of("permissionType", "organization_admin", "userId", USER,
        "workspaceId", UUID.randomUUID().toString())).expectProblem(422).path("detail").asText()).contains("organizationId");
    post(bearer, "/permissions", Map.of("permissionType", "instance_admin", "userId", USER)).expectProblem(422);
    post(bearer, "/permissions", Map.of("permissionType", "workspace_admin", "userId", USER,
        "workspaceId", UUID.randomUUID().toString())).expectProblem(404);
    post(bearer, "/permissions", Map.of("permissionType", "organization_admin", "userId", "me",
        "organizationId", ORGANIZATION)).expectProblem(422);
    String id = get(bearer, "/permissions").expect(200).at("/data/0/permissionId").asText();
    patch(bearer, "/permissions/" + id, Map.of()).expectProblem(422);
  }
}
