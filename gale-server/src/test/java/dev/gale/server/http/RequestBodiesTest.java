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

  record Label(@MaxLength(3) String text) {}

  record Bounded(@Required UUID id, @MaxLength(5) String name, @MaxLength(5) String note, List<Label> labels) {}

  private static Object readBounded(String json) {
    return RequestBodies.read(json.getBytes(StandardCharsets.UTF_8), Bounded.class);
  }

  @Test
  void textsUpToTheirMaxLengthAreAccepted() {
    UUID id = UUID.randomUUID();
    assertThat(readBounded("{\"id\":\"" + id + "\",\"name\":\"abcde\",\"labels\":[{\"text\":\"xyz\"},{}]}"))
        .isEqualTo(new Bounded(id, "abcde", null, List.of(new Label("xyz"), new Label(null))));
  }

  @Test
  void textsLongerThanTheirMaxLengthAreNamedWithTheirPathTogetherWithMissingProperties() {
    String secretish = "abcdef";
    InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> readBounded(
        "{\"name\":\"" + secretish + "\",\"note\":\"12345\",\"labels\":[{\"text\":\"ok\"},{\"text\":\"long\"}]}"));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.errors()).extracting(InvalidInputException.ValidationError::propertyPath)
        .containsExactly("id", "name", "labels[1].text");
    assertThat(e.errors().get(1).message()).isEqualTo("'name' must be at most 5 characters, not 6");
    assertThat(e.getMessage()).contains("Missing required properties: id", "'name' must be at most 5", "'labels[1].text'");
    // The text itself is not echoed: it may be long, or something private pasted in the wrong field.
    assertThat(e.errors()).allSatisfy(error -> assertThat(error.invalidValue()).isNull());
    assertThat(e.getMessage()).doesNotContain(secretish);
  }

  @Test
  void lengthsAreCountedAsH2CountsThemInUtf16Units() {
    String id = UUID.randomUUID().toString();
    // Two emoji are two characters to PostgreSQL but four to H2: the stricter count keeps both stores within bounds.
    assertThat(invalidBounded("{\"id\":\"" + id + "\",\"labels\":[{\"text\":\"\uD83D\uDE00\uD83D\uDE00\"}]}").errors())
        .extracting(InvalidInputException.ValidationError::propertyPath).containsExactly("labels[0].text");
    assertThat(readBounded("{\"id\":\"" + id + "\",\"name\":\"\u00e9t\u00e9!!\"}")).isNotNull();
  }

  private static InvalidInputException invalidBounded(String json) {
    return (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> readBounded(json));
  }
}
