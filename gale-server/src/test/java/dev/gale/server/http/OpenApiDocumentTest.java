package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  record Child(@Required Long size) {}

  record Thing(@Required UUID id, String name, List<Child> children, Child self) {}

  @Test
  void recordsBecomeComponentsWithTheirRequiredProperties() {
    List<Route<?, ?>> routes = List.of(
        Route.rpc("/api/v1/things/get", "things", "Get a thing", Thing.class, Thing.class, (body, call) -> body),
        Route.rpc("/api/v1/things/delete", "things", "Delete a thing", Thing.class, Void.class, (body, call) -> null));
    JsonNode document = Json.tree(OpenApiDocument.of(routes, "1.0"));

    JsonNode thing = document.at("/components/schemas/Thing");
    assertThat(thing.path("required").toString()).isEqualTo("[\"id\"]");
    assertThat(thing.at("/properties/id/format").asText()).isEqualTo("uuid");
    assertThat(thing.at("/properties/children/items/$ref").asText()).isEqualTo("#/components/schemas/Child");
    assertThat(document.at("/components/schemas/Child/properties/size/format").asText()).isEqualTo("int64");

    JsonNode get = document.at("/paths/~1api~1v1~1things~1get/post");
    assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Thing");
    assertThat(get.at("/responses/422/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/InvalidInputExceptionInfo");
    assertThat(document.at("/paths/~1api~1v1~1things~1delete/post/responses").has("204")).isTrue();
  }

  @Test
  void aRouteDocumentsTheOtherErrorsItAnswersInItsApisShape() {
    List<Route<?, ?>> routes = List.of(
        Route.rpc("/api/v1/things/replace_safe", "things", "Replace", Thing.class, Thing.class, (body, call) -> body)
            .alsoAnswering(423, "A job holds the thing"));
    JsonNode document = Json.tree(OpenApiDocument.of(routes, "1.0"));

    JsonNode locked = document.at("/paths/~1api~1v1~1things~1replace_safe/post/responses/423");
    assertThat(locked.path("description").asText()).isEqualTo("A job holds the thing");
    assertThat(locked.at("/content/application~1json/schema/$ref").asText()).endsWith("/KnownExceptionInfo");
    assertThat(document.at("/paths/~1api~1v1~1things~1replace_safe/post/responses").has("403")).isFalse();
  }

  @Test
  void publicApiErrorsAreProblemsAndFormRoutesDocumentBothBodies() {
    List<Route<?, ?>> routes = List.of(
        new Route<>("POST", "/api/public/v1/things/token", "things", "Token", Thing.class, Thing.class, true,
            (Route.Handler<Thing, Thing>) (body, call) -> body).acceptingForms(),
        Route.rpc("/api/v1/things/get", "things", "Get a thing", Thing.class, Thing.class, (body, call) -> body));
    JsonNode document = Json.tree(OpenApiDocument.of(routes, "1.0"));

    JsonNode token = document.at("/paths/~1api~1public~1v1~1things~1token/post");
    assertThat(token.at("/requestBody/content").has(Route.FORM)).isTrue();
    assertThat(token.at("/requestBody/content").has(Route.JSON)).isTrue();
    assertThat(token.at("/responses/401/content/application~1json/schema/$ref").asText()).endsWith("/Problem");
    assertThat(token.path("security").isEmpty()).isTrue();
    assertThat(token.at("/responses/403/content/application~1json/schema/$ref").asText()).endsWith("/Problem");
    assertThat(document.at("/paths/~1api~1v1~1things~1get/post/responses").has("403")).isFalse();
    assertThat(document.at("/paths/~1api~1v1~1things~1get/post/responses/401/content/application~1json/schema/$ref")
        .asText()).endsWith("/KnownExceptionInfo");
  }

  record Named(@Required @MaxLength(12) String name, List<Child> children) {}

  record WronglyBounded(@MaxLength(3) Long count) {}

  @Test
  void maxLengthIsDocumentedOnTheTextItBounds() {
    JsonNode document = Json.tree(OpenApiDocument.of(List.of(
        Route.rpc("/api/v1/named/create", "named", "Create", Named.class, Named.class, (body, call) -> body)), "1.0"));

    JsonNode name = document.at("/components/schemas/Named/properties/name");
    assertThat(name.path("type").asText()).isEqualTo("string");
    assertThat(name.path("maxLength").asInt()).isEqualTo(12);
    assertThat(document.at("/components/schemas/Named/properties/children").has("maxLength")).isFalse();
  }

  @Test
  void maxLengthOnAnythingButATextFailsTheDocument() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiDocument.of(List.of(Route.rpc("/api/v1/wrong/create",
            "wrong", "Create", WronglyBounded.class, WronglyBounded.class, (body, call) -> body)), "1.0"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("count");
  }
}
