package dev.gale.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretPathsTest {
  static final JsonNode SPEC = Json.parse("""
      {"type":"object","properties":{
        "host":{"type":"string"},
        "password":{"type":"string","airbyte_secret":true},
        "credentials":{"type":"object","properties":{
          "client_id":{"type":"string"},"client_secret":{"type":"string","airbyte_secret":true}}},
        "tunnel_method":{"type":"object","oneOf":[
          {"properties":{"tunnel_method":{"const":"NO_TUNNEL"}}},
          {"properties":{"tunnel_method":{"const":"SSH_KEY_AUTH"},"ssh_key":{"type":"string","airbyte_secret":true}}},
          {"properties":{"tunnel_method":{"const":"SSH_PASSWORD_AUTH"},
                         "tunnel_user_password":{"type":"string","airbyte_secret":true}}}]},
        "auth":{"anyOf":[{"properties":{"token":{"type":"string","airbyte_secret":true}}}],
                "allOf":[{"properties":{"pin":{"type":"string","airbyte_secret":true}}}]},
        "api_keys":{"type":"array","items":{"type":"object","properties":{
          "name":{"type":"string"},"key":{"type":"string","airbyte_secret":true}}}},
        "headers":{"type":"object","additionalProperties":{"type":"string","airbyte_secret":true}},
        "replica":{"$ref":"#/definitions/server"},
        "odd.name":{"type":"string","airbyte_secret":true}},
       "definitions":{"server":{"type":"object","properties":{
          "secret_token":{"type":"string","airbyte_secret":true},"next":{"$ref":"#/definitions/server"}}}}}""");

  @Test
  void findsSecretsEverywhereTheSpecCanDeclareThem() {
    assertThat(SecretPaths.of(SPEC).jsonPaths()).containsExactlyInAnyOrder(
        "$.password",
        "$.credentials.client_secret",
        "$.tunnel_method.ssh_key",
        "$.tunnel_method.tunnel_user_password",
        "$.auth.token",
        "$.auth.pin",
        "$.api_keys[*].key",
        "$.headers.*",
        "$.replica.secret_token",
        "$['odd.name']");
  }

  @Test
  void itemsDeclaredSecretAreEachMaskedAndTold() {
    SecretPaths paths = SecretPaths.of(Json.parse("""
        {"type":"object","properties":{"tokens":{"type":"array","items":{"type":"string","airbyte_secret":true}}}}"""));

    assertThat(paths.mask(Json.parse("{\"tokens\":[\"t1\",null,\"t2\"]}")))
        .isEqualTo(Json.parse("{\"tokens\":[\"**********\",null,\"**********\"]}"));
    assertThat(paths.isSecret(List.of("tokens", 1))).isTrue();
    assertThat(paths.isSecret(List.of("tokens"))).isFalse();
  }

  @Test
  void specWithoutSecretsHasNoPaths() {
    SecretPaths paths = SecretPaths.of(Json.parse("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}"));

    assertThat(paths.isEmpty()).isTrue();
    assertThat(paths.jsonPaths()).isEmpty();
    assertThat(SecretPaths.of(SPEC).isEmpty()).isFalse();
  }

  @Test
  void tellsWhetherAConfigurationPathIsSecret() {
    SecretPaths paths = SecretPaths.of(SPEC);

    assertThat(paths.isSecret(List.of("password"))).isTrue();
    assertThat(paths.isSecret(List.of("host"))).isFalse();
    assertThat(paths.isSecret(List.of("tunnel_method", "ssh_key"))).isTrue();
    assertThat(paths.isSecret(List.of("tunnel_method", "tunnel_method"))).isFalse();
    assertThat(paths.isSecret(List.of("api_keys", 3, "key"))).isTrue();
    assertThat(paths.isSecret(List.of("api_keys", 3, "name"))).isFalse();
    assertThat(paths.isSecret(List.of("headers", "Authorization"))).isTrue();
    assertThat(paths.isSecret(List.of("password", "inside"))).isTrue();
    assertThat(paths.isSecret(List.of("unknown", "deeper"))).isFalse();
    assertThat(paths.isSecret(List.of())).isFalse();
  }

  @Test
  void masksSecretValuesInACopy() {
    JsonNode config = Json.parse("""
        {"host":"db","password":"hunter2","credentials":{"client_id":"id","client_secret":"cs"},
         "tunnel_method":{"tunnel_method":"SSH_KEY_AUTH","ssh_key":"-----BEGIN KEY-----"},
         "api_keys":[{"name":"a","key":"k1"},{"name":"b","key":null}],
         "headers":{"X-Token":"t"},"replica":{"secret_token":"rt","port":1},"odd.name":"o"}""");
    JsonNode original = config.deepCopy();

    JsonNode masked = SecretPaths.of(SPEC).mask(config);

    assertThat(masked).isEqualTo(Json.parse("""
        {"host":"db","password":"**********","credentials":{"client_id":"id","client_secret":"**********"},
         "tunnel_method":{"tunnel_method":"SSH_KEY_AUTH","ssh_key":"**********"},
         "api_keys":[{"name":"a","key":"**********"},{"name":"b","key":null}],
         "headers":{"X-Token":"**********"},"replica":{"secret_token":"**********","port":1},
         "odd.name":"**********"}"""));
    assertThat(config).isEqualTo(original);
  }

  @Test
  void masksNonStringSecretsToo() {
    SecretPaths paths = SecretPaths.of(Json.parse("{\"properties\":{\"pin\":{\"type\":\"integer\",\"airbyte_secret\":true}}}"));

    assertThat(paths.mask(Json.parse("{\"pin\":1234}"))).isEqualTo(Json.parse("{\"pin\":\"**********\"}"));
    assertThat(paths.secretValues(Json.parse("{\"pin\":1234}"))).containsExactly("1234");
  }

  @Test
  void collectsSecretValuesForScrubbing() {
    assertThat(SecretPaths.of(SPEC).secretValues(Json.parse("""
        {"password":"p","tunnel_method":{"tunnel_user_password":"tp"},"api_keys":[{"key":"k"}],"host":"h"}""")))
        .containsExactlyInAnyOrder("p", "tp", "k");
  }

  /** A specification that declares a few plain properties and leaves room for any others, as Gale's built-ins do. */
  static final JsonNode OPEN_SPEC = Json.parse("""
      {"type":"object","additionalProperties":true,"properties":{
        "host":{"type":"string"},
        "token_type":{"type":"string"},
        "api_key":{"type":"string","description":"declared plain: the specification wins"},
        "credentials":{"type":"object","properties":{"auth_type":{"type":"string"}}},
        "accounts":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""");

  @Test
  void undeclaredSecretLikePropertiesAreSecretAtAnyDepthWhateverTheirType() {
    JsonNode config = Json.parse("""
        {"host":"db","token_type":"Bearer","api_key":"declared-plain","client_secret":"cs","pin_token":4711,
         "tunnel_method":{"tunnel_method":"SSH_PASSWORD_AUTH","tunnel_user":"u","tunnel_user_password":"tp"},
         "extra":{"nested":{"access_token":"at","page":2}},
         "accounts":[{"name":"a","private_key":"pk"},{"name":"b","ssh_key":{"pem":"k"}}],
         "hooks":[{"url":"https://x","refresh_token":"rt"}],
         "credentials":{"auth_type":"OAuth","refresh_token":"crt","tenant":"t1"},
         "oauth":{"credentials":{"anything":"any","n":1}},
         "password":null}""");

    JsonNode masked = SecretPaths.of(OPEN_SPEC).mask(config);

    assertThat(masked).isEqualTo(Json.parse("""
        {"host":"db","token_type":"Bearer","api_key":"declared-plain","client_secret":"**********",
         "pin_token":"**********",
         "tunnel_method":{"tunnel_method":"SSH_PASSWORD_AUTH","tunnel_user":"u","tunnel_user_password":"**********"},
         "extra":{"nested":{"access_token":"**********","page":2}},
         "accounts":[{"name":"a","private_key":"**********"},{"name":"b","ssh_key":"**********"}],
         "hooks":[{"url":"https://x","refresh_token":"**********"}],
         "credentials":{"auth_type":"OAuth","refresh_token":"**********","tenant":"**********"},
         "oauth":{"credentials":"**********"},
         "password":null}"""));
  }

  @Test
  void tellsWhetherAnUndeclaredPathIsSecret() {
    SecretPaths paths = SecretPaths.of(OPEN_SPEC);

    assertThat(paths.isSecret(List.of("client_secret"))).isTrue();
    assertThat(paths.isSecret(List.of("tunnel_method", "ssh_key"))).isTrue();
    assertThat(paths.isSecret(List.of("tunnel_method", "tunnel_host"))).isFalse();
    assertThat(paths.isSecret(List.of("accounts", 0, "private_key"))).isTrue();
    assertThat(paths.isSecret(List.of("accounts", 0, "name"))).isFalse();
    assertThat(paths.isSecret(List.of("extra", 2, "api_token", "inside"))).isTrue();
    assertThat(paths.isSecret(List.of("credentials", "tenant"))).isTrue();
    assertThat(paths.isSecret(List.of("credentials", "auth_type"))).as("declared plain").isFalse();
    assertThat(paths.isSecret(List.of("api_key"))).as("declared plain").isFalse();
    assertThat(paths.isSecret(List.of("token_type"))).isFalse();
  }

  @Test
  void aSecretLikeNameMatchedOnlyByAdditionalPropertiesIsGuessed() {
    SecretPaths paths = SecretPaths.of(Json.parse("""
        {"properties":{"headers":{"type":"object","additionalProperties":{"type":"string"}}}}"""));

    assertThat(paths.mask(Json.parse("{\"headers\":{\"X-Api-Key\":\"k\",\"Accept\":\"json\"}}")))
        .isEqualTo(Json.parse("{\"headers\":{\"X-Api-Key\":\"**********\",\"Accept\":\"json\"}}"));
  }

  @Test
  void secretValuesOfAnUndeclaredObjectIncludeEachTextInside() {
    List<String> values = SecretPaths.of(OPEN_SPEC).secretValues(Json.parse("""
        {"host":"h","credentials_json":{"client_email":"svc@example.com","private_key":"pk-1"},"my_token":"tk"}"""));

    assertThat(values).contains("svc@example.com", "pk-1", "tk").doesNotContain("h");
  }
}
