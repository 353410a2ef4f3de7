package dev.gale.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
  static final JsonNode SPEC = Json.parse("""
      {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","required":["host","port","password"],
       "properties":{
        "host":{"type":"string","order":0},
        "port":{"type":"integer","minimum":1,"maximum":65535,"order":1},
        "password":{"type":"string","airbyte_secret":true,"minLength":8,"pattern":"^[A-Za-z0-9]+$"},
        "mode":{"type":"string","enum":["fast","safe"]},
        "hosts":{"type":"array","items":{"type":"string","maxLength":5}},
        "tunnel_method":{"type":"object","title":"SSH Tunnel","oneOf":[
          {"title":"No Tunnel","required":["tunnel_method"],"properties":{"tunnel_method":{"const":"NO_TUNNEL"}}},
          {"title":"Password","required":["tunnel_method","tunnel_port","tunnel_user_password"],"properties":{
            "tunnel_method":{"const":"SSH_PASSWORD_AUTH"},
            "tunnel_port":{"type":"integer","minimum":1,"maximum":65535},
            "tunnel_user_password":{"type":"string","airbyte_secret":true,"minLength":12}}}]}}}""");

  private final ConfigValidator validator = new ConfigValidator();

  @Test
  void aValidConfigurationHasNoErrors() {
    assertThat(validator.validate(SPEC, Json.parse("""
        {"host":"db","port":5432,"password":"longenough1","tunnel_method":{"tunnel_method":"NO_TUNNEL"}}""")))
        .isEmpty();
  }

  @Test
  void pathsNameThePropertyUnderConnectionConfiguration() {
    List<ValidationError> errors = validator.validate(SPEC, Json.parse("""
        {"host":"db","port":"5432x","password":"longenough1","mode":"turbo","hosts":["a","toolong"]}"""));

    assertThat(errors).extracting(ValidationError::propertyPath, ValidationError::invalidValue).containsExactlyInAnyOrder(
        tuple("connectionConfiguration.port", "5432x"),
        tuple("connectionConfiguration.mode", "turbo"),
        tuple("connectionConfiguration.hosts[1]", "toolong"));
    assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
  }

  @Test
  void aMissingRequiredPropertyIsNamedWithoutAValue() {
    assertThat(validator.validate(SPEC, Json.parse("{\"host\":\"db\",\"password\":\"longenough1\"}")))
        .singleElement().satisfies(error -> {
          assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.port");
          assertThat(error.invalidValue()).isNull();
          assertThat(error.message()).contains("port");
        });
  }

  @Test
  void nestedPropertiesInsideAOneOfBranchGetTheirFullPath() {
    List<ValidationError> errors = validator.validate(SPEC, Json.parse("""
        {"host":"db","port":5432,"password":"longenough1",
         "tunnel_method":{"tunnel_method":"SSH_PASSWORD_AUTH","tunnel_port":70000,"tunnel_user_password":"longenoughpw"}}"""));

    assertThat(errors).extracting(ValidationError::propertyPath)
        .contains("connectionConfiguration.tunnel_method", "connectionConfiguration.tunnel_method.tunnel_port");
    assertThat(errors).filteredOn(e -> e.propertyPath().endsWith("tunnel_port")).singleElement()
        .satisfies(error -> assertThat(error.invalidValue()).isEqualTo("70000"));
  }

  @Test
  void secretValuesNeverAppearInAnyError() {
    String password = "bad!";
    String tunnelPassword = "short-pw";
    List<ValidationError> errors = validator.validate(SPEC, Json.parse("""
        {"host":"db","port":0,"password":"%s",
         "tunnel_method":{"tunnel_method":"SSH_PASSWORD_AUTH","tunnel_port":22,"tunnel_user_password":"%s"}}"""
        .formatted(password, tunnelPassword)));

    assertThat(errors).extracting(ValidationError::propertyPath).contains(
        "connectionConfiguration.password", "connectionConfiguration.tunnel_method.tunnel_user_password",
        "connectionConfiguration.tunnel_method", "connectionConfiguration.port");
    for (ValidationError error : errors) {
      String shown = error.propertyPath() + " " + error.invalidValue() + " " + error.message();
      assertThat(shown).doesNotContain(password).doesNotContain(tunnelPassword);
    }
    assertThat(errors).filteredOn(e -> e.propertyPath().endsWith("password")).allSatisfy(
        error -> assertThat(error.invalidValue()).isNull());
    assertThat(errors).filteredOn(e -> e.propertyPath().equals("connectionConfiguration.tunnel_method"))
        .allSatisfy(error -> assertThat(error.invalidValue()).contains("\"tunnel_user_password\":\"**********\""));
  }

  @Test
  void aSecretEchoedByAMessageIsMasked() {
    JsonNode spec = Json.parse("""
        {"type":"object","properties":{"token":{"type":"string","airbyte_secret":true},
         "label":{"type":"string","const":"tok-123456"}}}""");

    List<ValidationError> errors = validator.validate(spec, Json.parse("{\"token\":\"tok-123456\",\"label\":\"x\"}"));

    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.label");
      assertThat(error.message()).doesNotContain("tok-123456").contains("**********");
    });
  }

  @Test
  void anUndeclaredPropertyIsNamedButItsValueNotShown() {
    JsonNode spec = Json.parse("""
        {"type":"object","additionalProperties":false,"properties":{"password":{"type":"string","airbyte_secret":true}}}""");

    assertThat(validator.validate(spec, Json.parse("{\"pasword\":\"hunter2\"}"))).singleElement().satisfies(error -> {
      assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.pasword");
      assertThat(error.invalidValue()).isNull();
    });
  }

  @Test
  void aConfigurationThatIsNoObjectIsOneErrorAtTheRoot() {
    assertThat(validator.validate(SPEC, null)).singleElement()
        .satisfies(error -> assertThat(error.propertyPath()).isEqualTo("connectionConfiguration"));
    assertThat(validator.validate(SPEC, Json.parse("{}"), "configuration")).extracting(ValidationError::propertyPath)
        .containsExactlyInAnyOrder("configuration.host", "configuration.port", "configuration.password");
  }

  @Test
  void requireValidThrowsAnInputErrorWithEveryViolation() {
    assertThatThrownBy(() -> validator.requireValid(SPEC, Json.parse("{\"host\":1,\"port\":1,\"password\":\"x\"}")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.errors()).extracting(ValidationError::propertyPath)
              .contains("connectionConfiguration.host", "connectionConfiguration.password");
          assertThat(e.getMessage()).startsWith("The configuration does not match the connector's specification:")
              .contains("connectionConfiguration.host");
        });
  }

  @Test
  void neverFetchesARemoteSchema() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "{\"type\":\"integer\"}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      JsonNode spec = Json.parse("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"http://127.0.0.1:"
          + server.getAddress().getPort() + "/schema.json\"}}}");

      assertThatThrownBy(() -> validator.validate(spec, Json.parse("{\"x\":\"text\"}")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a usable JSON Schema");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void localDefinitionsAreFollowed() {
    JsonNode spec = Json.parse("""
        {"type":"object","properties":{"replica":{"$ref":"#/definitions/server"}},
         "definitions":{"server":{"type":"object","properties":{"port":{"type":"integer"}}}}}""");

    assertThat(validator.validate(spec, Json.parse("{\"replica\":{\"port\":\"x\"}}"))).singleElement()
        .satisfies(error -> assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.replica.port"));
  }
}
