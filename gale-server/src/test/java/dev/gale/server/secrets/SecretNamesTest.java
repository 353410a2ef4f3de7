package dev.gale.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"password", "PASSWORD", "passwd", "tunnel_user_password", "client_key_password",
      "ssl_passphrase", "secret", "client_secret", "clientSecret", "token", "access_token", "refresh_token",
      "api_token", "my_token", "accessToken", "api_key", "apiKey", "API-KEY", "apikey", "ssh_key", "private_key",
      "secret_key", "secret_access_key", "aws_secret_access_key", "access_key", "client_key", "storage_account_key",
      "credentials", "service_account_credentials", "credentials_json"})
  void namesAirbyteKeepsSecretsUnderAreSecret(String name) {
    assertThat(SecretNames.looksSecret(name)).as(name).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"host", "port", "username", "database", "key", "keys", "primary_key", "cursor_key",
      "partition_key", "public_key", "access_key_id", "aws_access_key_id", "token_type", "token_expiry_date",
      "tokenizer", "password_hint", "passwordless", "secret_name", "secret_id", "api_keys", "api_key_header",
      "auth_type", "client_id", "tunnel_method", "tunnel_user", "tunnel_host", "monkey", "", " ", "_"})
  void namesOfOrdinarySettingsAreNot(String name) {
    assertThat(SecretNames.looksSecret(name)).as(name).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"credentials", "Credentials", "credential"})
  void anyPropertyOfACredentialsObjectIsSecret(String parent) {
    assertThat(SecretNames.looksSecret("anything", parent)).isTrue();
    assertThat(SecretNames.looksSecret("auth_type", parent)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy", "tunnel_method", "credentials_title"})
  void otherObjectsLeaveTheirPropertiesToTheirNames(String parent) {
    assertThat(SecretNames.looksSecret("host", parent)).isFalse();
    assertThat(SecretNames.looksSecret("password", parent)).isTrue();
  }

  @Test
  void atTheRootOnlyTheNameCounts() {
    assertThat(SecretNames.looksSecret("host", null)).isFalse();
    assertThat(SecretNames.looksSecret("api_key", null)).isTrue();
  }
}
