package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  enum Color { @JsonProperty("red") RED, @JsonProperty("blue") BLUE }

  record Item(@Required String name, Integer count) {}

  record Body(@Required UUID id, Color color, List<Item> items, @JsonProperty("snake_case") String snake) {}

  record AllOptional(String filter) {}

  private static Body read(String json) {
    return RequestBodies.read(json.getBytes(StandardCharsets.UTF_8), Body.class);
  }

  private static InvalidInputException invalid(String json) {
    return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
  }

  @Test
  void readsAValidBodyAndIgnoresUnknownFields() {
    UUID id = UUID.randomUUID();
    Body body = read("{\"id\":\"" + id + "\",\"color\":\"blue\",\"items\":[{\"name\":\"a\"}],\"snake_case\":\"s\",\"extra\":1}");
    assertThat(body).isEqualTo(new Body(id, Color.BLUE, List.of(new Item("a", null)), "s"));
  }

  @Test
  void anEmptyBodyIsAnEmptyObject() {
    assertThat(RequestBodies.read(new byte[0], AllOptional.class)).isEqualTo(new AllOptional(null));
    assertThat(RequestBodies.read(" \n".getBytes(StandardCharsets.UTF_8), AllOptional.class)).isEqualTo(new AllOptional(null));
  }

  @Test
  void malformedJsonIsA400() {
    assertThatThrownBy(() -> read("{\"id\": ")).isInstanceOf(BadRequestException.class).hasMessageContaining("Malformed JSON");
    assertThatThrownBy(() -> read("{} {}")).isInstanceOf(BadRequestException.class);
  }

  record WithDocument(com.fasterxml.jackson.databind.node.ObjectNode document) {}

  @Test
  void malformedJsonInsideAJsonValuedPropertyIsA400Too() {
    assertThatThrownBy(() -> RequestBodies.read("{\"document\": {\"a\": ".getBytes(StandardCharsets.UTF_8), WithDocument.class))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Malformed JSON body at 'document'");
    assertThatThrownBy(() -> RequestBodies.read("{\"document\": [1]}".getBytes(StandardCharsets.UTF_8), WithDocument.class))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void missingRequiredPropertiesAreNamedWithTheirPath() {
    InvalidInputException e = invalid("{\"items\":[{\"count\":1}]}");
    assertThat(e.errors()).extracting(InvalidInputException.ValidationError::propertyPath).containsExactly("id", "items[0].name");
    assertThat(invalid("{\"id\": null}").errors().get(0).propertyPath()).isEqualTo("id");
  }

  @Test
  void wrongTypesAndUnknownEnumValuesNameTheProperty() {
    String id = UUID.randomUUID().toString();
    InvalidInputException color = invalid("{\"id\":\"" + id + "\",\"color\":\"green\"}");
    assertThat(color.errors().get(0).propertyPath()).isEqualTo("color");
    assertThat(color.getMessage()).contains("red", "blue");
    assertThat(invalid("{\"id\":\"nope\"}").errors().get(0).propertyPath()).isEqualTo("id");
    assertThat(invalid("{\"id\":\"" + id + "\",\"items\":[{\"name\":\"a\",\"count\":\"many\"}]}").errors().get(0).propertyPath())
        .isEqualTo("items[0].count");
    assertThat(invalid("{\"id\":\"" + id + "\",\"items\":{}}").errors().get(0).propertyPath()).isEqualTo("items");
    assertThat(invalid("[]").getMessage()).isNotBlank();
    assertThat(invalid("null").getMessage()).contains("JSON object");
  }
}
