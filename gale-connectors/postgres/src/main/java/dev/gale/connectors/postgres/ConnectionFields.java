package dev.gale.connectors.postgres;

import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigValues;
import java.util.List;

/**
 * The connection properties Airbyte's Postgres source and destination share, declared once with the same names,
 * types, defaults and bounds as Airbyte's, so that their configurations work unchanged.
 */
public final class ConnectionFields {
  public static final ConfigField<String> HOST = ConfigField.string("host").title("Host")
      .description("Hostname of the database.").required().order(0).build();
  public static final ConfigField<Long> PORT = ConfigField.integer("port").title("Port")
      .description("Port of the database.").required().defaultValue(5432L).minimum(0).maximum(65536)
      .examples(List.of(5432L)).order(1).build();
  public static final ConfigField<String> DATABASE = ConfigField.string("database").title("Database Name")
      .description("Name of the database.").required().order(2).build();
  public static final ConfigField<String> USERNAME = ConfigField.string("username").title("Username")
      .description("Username to access the database.").required().order(4).build();
  public static final ConfigField<String> PASSWORD = ConfigField.string("password").title("Password")
      .description("Password associated with the username.").secret().order(5).build();
  public static final ConfigField<String> JDBC_URL_PARAMS = ConfigField.string("jdbc_url_params")
      .title("JDBC URL Parameters (Advanced)")
      .description("Additional properties to pass to the JDBC URL string when connecting to the database, formatted "
          + "as 'key=value' pairs separated by '&' (for example key1=value1&key2=value2).")
      .order(6).build();
  /** Airbyte's older boolean, still accepted: {@code ssl_mode} wins when both are given. */
  public static final ConfigField<Boolean> SSL = ConfigField.bool("ssl").title("Connect using SSL")
      .description("Deprecated: use SSL Modes. True requires encryption, false disables it.").order(7).build();
  public static final ConfigField<ConfigValues> SSL_MODE = SslMode.field(8);

  private ConnectionFields() {}

  /** The connection settings of a configuration read with a schema that declares the fields above. */
  public static ConnectionSettings settings(ConfigValues values) {
    SslMode sslMode = SslMode.of(values.find(SSL_MODE).orElse(null))
        .orElseGet(() -> values.find(SSL).map(ssl -> ssl ? SslMode.REQUIRE : SslMode.DISABLE).orElse(SslMode.PREFER));
    ConfigValues sslValues = values.find(SSL_MODE).orElse(null);
    SslCertificates certificates = sslMode.verifies() && sslValues != null
        ? new SslCertificates(sslValues.get(SslMode.CA_CERTIFICATE), sslValues.find(SslMode.CLIENT_CERTIFICATE)
            .orElse(null), sslValues.find(SslMode.CLIENT_KEY).orElse(null),
            sslValues.find(SslMode.CLIENT_KEY_PASSWORD).orElse(null))
        : null;
    return new ConnectionSettings(values.get(HOST), Math.toIntExact(values.get(PORT)), values.get(DATABASE),
        values.get(USERNAME), values.find(PASSWORD).orElse(null), values.find(JDBC_URL_PARAMS).orElse(""),
        sslMode, certificates);
  }
}
