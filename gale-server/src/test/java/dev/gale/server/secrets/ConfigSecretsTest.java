package dev.gale.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConfigSecretsTest {
  static final JsonNode SPEC = Json.parse("""
      {"type":"object","properties":{
        "host":{"type":"string"},
        "password":{"type":"string","airbyte_secret":true},
        "tunnel_method":{"type":"object","oneOf":[
          {"properties":{"tunnel_method":{"const":"NO_TUNNEL"}}},
          {"properties":{"tunnel_method":{"const":"SSH_KEY_AUTH"},
                         "ssh_key":{"type":"string","airbyte_secret":true}}}]},
        "api_keys":{"type":"array","items":{"properties":{"key":{"type":"string","airbyte_secret":true}}}}}}""");
  static final JsonNode PLAIN = Json.parse("""
      {"host":"db.internal","password":"hunter2",
       "tunnel_method":{"tunnel_method":"SSH_KEY_AUTH","ssh_key":"-----BEGIN OPENSSH PRIVATE KEY-----xyz"},
       "api_keys":[{"key":"k-one"},{"key":"k-two"}]}""");

  private final ConfigSecrets secrets = new ConfigSecrets(SecretCipher.fromBase64Key(SecretCipher.generateBase64Key()));

  @Test
  void storesSecretsEncryptedAndEverythingElseAsIs() {
    JsonNode stored = secrets.protectForStorage(SPEC, PLAIN, null);

    String storedText = Json.write(stored);
    assertThat(storedText).doesNotContain("hunter2").doesNotContain("BEGIN OPENSSH").doesNotContain("k-one")
        .doesNotContain("k-two");
    assertThat(stored.get("host").asText()).isEqualTo("db.internal");
    assertThat(stored.at("/tunnel_method/tunnel_method").asText()).isEqualTo("SSH_KEY_AUTH");
    assertThat(stored.get("password").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
    assertThat(stored.at("/tunnel_method/ssh_key").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
    assertThat(stored.at("/api_keys/1/key").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
  }

  @Test
  void revealGivesConnectorsThePlainConfiguration() {
    assertThat(secrets.reveal(SPEC, secrets.protectForStorage(SPEC, PLAIN, null))).isEqualTo(PLAIN);
  }

  @Test
  void secretsKeepTheirJsonTypeThroughStorage() {
    JsonNode spec = Json.parse("{\"properties\":{\"pin\":{\"type\":\"integer\",\"airbyte_secret\":true}}}");
    JsonNode plain = Json.parse("{\"pin\":1234}");

    assertThat(secrets.reveal(spec, secrets.protectForStorage(spec, plain, null))).isEqualTo(plain);
  }

  @Test
  void maskShowsNeitherSecretsNorEnvelopes() {
    JsonNode stored = secrets.protectForStorage(SPEC, PLAIN, null);
    JsonNode expected = Json.parse("""
        {"host":"db.internal","password":"**********",
         "tunnel_method":{"tunnel_method":"SSH_KEY_AUTH","ssh_key":"**********"},
         "api_keys":[{"key":"**********"},{"key":"**********"}]}""");

    assertThat(secrets.mask(SPEC, stored)).isEqualTo(expected);
    assertThat(secrets.mask(SPEC, PLAIN)).isEqualTo(expected);
  }

  @Test
  void aMaskedSecretInAnUpdateKeepsTheStoredSecret() {
    JsonNode stored = secrets.protectForStorage(SPEC, PLAIN, null);
    ObjectNode update = (ObjectNode) secrets.mask(SPEC, stored);
    update.put("host", "db2.internal");

    JsonNode updated = secrets.protectForStorage(SPEC, update, stored);

    assertThat(updated.get("password")).isEqualTo(stored.get("password"));
    assertThat(updated.at("/tunnel_method/ssh_key")).isEqualTo(stored.at("/tunnel_method/ssh_key"));
    JsonNode revealed = secrets.reveal(SPEC, updated);
    assertThat(revealed.get("host").asText()).isEqualTo("db2.internal");
    assertThat(revealed.get("password").asText()).isEqualTo("hunter2");
    assertThat(revealed.at("/api_keys/1/key").asText()).isEqualTo("k-two");
  }

  @Test
  void aNewSecretInAnUpdateReplacesTheStoredOne() {
    JsonNode stored = secrets.protectForStorage(SPEC, PLAIN, null);
    ObjectNode update = (ObjectNode) secrets.mask(SPEC, stored);
    update.put("password", "correct horse");

    JsonNode revealed = secrets.reveal(SPEC, secrets.protectForStorage(SPEC, update, stored));

    assertThat(revealed.get("password").asText()).isEqualTo("correct horse");
    assertThat(revealed.at("/tunnel_method/ssh_key").asText()).isEqualTo(PLAIN.at("/tunnel_method/ssh_key").asText());
  }

  @Test
  void aMaskedSecretWithNothingStoredIsAnInputError() {
    JsonNode create = Json.parse("{\"host\":\"db\",\"tunnel_method\":{\"tunnel_method\":\"SSH_KEY_AUTH\",\"ssh_key\":\"**********\"}}");

    assertThatThrownBy(() -> secrets.protectForStorage(SPEC, create, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.tunnel_method.ssh_key");
            assertThat(error.invalidValue()).isNull();
          });
        });
  }

  @Test
  void aPlainStoredSecretIsEncryptedWhenAMaskedUpdateKeepsIt() {
    JsonNode legacyStored = Json.parse("{\"host\":\"db\",\"password\":\"hunter2\"}");

    JsonNode updated = secrets.protectForStorage(SPEC, Json.parse("{\"host\":\"db\",\"password\":\"**********\"}"),
        legacyStored);

    assertThat(updated.get("password").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
    assertThat(secrets.reveal(SPEC, updated).get("password").asText()).isEqualTo("hunter2");
    assertThat(secrets.reveal(SPEC, legacyStored)).isEqualTo(legacyStored);
  }

  @Test
  void aTamperedStoredSecretFailsClearlyWithoutShowingIt() {
    ObjectNode stored = (ObjectNode) secrets.protectForStorage(SPEC, PLAIN, null);
    String envelope = stored.get("password").asText();
    byte[] payload = Base64.getDecoder().decode(envelope.substring(SecretCipher.ENVELOPE_PREFIX.length()));
    payload[payload.length - 1] ^= 1;
    stored.put("password", SecretCipher.ENVELOPE_PREFIX + Base64.getEncoder().encodeToString(payload));

    assertThatThrownBy(() -> secrets.reveal(SPEC, stored))
        .isInstanceOf(SecretEnvelopeException.class)
        .hasMessage("secret $.password: encrypted secret failed authentication: it was altered, or encrypted with "
            + "another key");
  }

  @Test
  void aClientCannotSmuggleInAnEnvelope() {
    JsonNode stored = secrets.protectForStorage(SPEC, PLAIN, null);
    ObjectNode attempt = Json.object().put("password", stored.get("password").asText());

    JsonNode revealed = secrets.reveal(SPEC, secrets.protectForStorage(SPEC, attempt, null));

    assertThat(revealed.get("password").asText()).isEqualTo(stored.get("password").asText());
  }

  @Test
  void undeclaredSecretLikePropertiesAreStoredEncryptedAndKeptWhenSentBackMasked() {
    JsonNode spec = Json.parse("{\"type\":\"object\",\"properties\":{\"host\":{\"type\":\"string\"}}}");
    JsonNode plain = Json.parse("""
        {"host":"h","api_key":"ak-1","credentials":{"client_id":"cid","client_secret":"cs-1"},
         "tunnel_method":{"tunnel_method":"SSH_KEY_AUTH","ssh_key":"-----BEGIN KEY-----"},"retries":[{"token":7}]}""");

    JsonNode stored = secrets.protectForStorage(spec, plain, null);

    assertThat(Json.write(stored)).doesNotContain("ak-1", "cid", "cs-1", "BEGIN KEY");
    assertThat(stored.get("credentials").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
    assertThat(stored.at("/retries/0/token").asText()).startsWith(SecretCipher.ENVELOPE_PREFIX);
    assertThat(stored.at("/tunnel_method/tunnel_method").asText()).isEqualTo("SSH_KEY_AUTH");
    assertThat(secrets.reveal(spec, stored)).isEqualTo(plain);

    JsonNode masked = secrets.mask(spec, stored);
    assertThat(Json.write(masked)).doesNotContain(SecretCipher.ENVELOPE_PREFIX);
    assertThat(masked.get("credentials").asText()).isEqualTo(SecretPaths.MASK);
    ObjectNode sentBack = masked.deepCopy();
    sentBack.put("host", "h2");
    JsonNode restored = secrets.reveal(spec, secrets.protectForStorage(spec, sentBack, stored));
    assertThat(restored.get("host").asText()).isEqualTo("h2");
    assertThat(restored.get("credentials")).isEqualTo(plain.get("credentials"));
    assertThat(restored.get("api_key")).isEqualTo(plain.get("api_key"));
    assertThat(restored.at("/retries/0/token").asInt()).isEqualTo(7);
  }
}
