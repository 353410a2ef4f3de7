package dev.gale.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.Json;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void masksDeclaredSecretsWhereverTheyAreAndHowEverEncoded() {
    Secrets secrets = Secrets.of(Json.parse("""
        {"type": "object", "properties": {
          "password": {"type": "string", "airbyte_secret": true},
          "name": {"type": "string"},
          "credentials": {"type": "object", "oneOf": [{"properties": {"token": {"type": "string",
            "airbyte_secret": true}}}]}}}"""),
        Json.parse("{\"password\": \"p@ss word\", \"name\": \"ada\", \"credentials\": {\"token\": \"tok-123\"}}"));
    secrets.addBasic("ada", "p@ss word");

    assertThat(secrets.mask("pw=p@ss word, q=p%40ss+word, t=tok-123, b=YWRhOnBAc3Mgd29yZA==, n=ada"))
        .isEqualTo("pw=****, q=****, t=****, b=****, n=ada");
  }
}
