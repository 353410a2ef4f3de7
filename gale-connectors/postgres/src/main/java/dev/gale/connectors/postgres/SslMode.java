package dev.gale.connectors.postgres;

import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Airbyte's {@code ssl_mode}: a one-of by {@code mode} with libpq's six modes, the two verifying ones carrying PEM
 * certificates. Declared here once for the source and the destination, which share it in Airbyte too.
 */
public enum SslMode {
  DISABLE("Disables encryption of communication between Gale and the database."),
  ALLOW("Enables encryption only when the database requires it."),
  PREFER("Allows an unencrypted connection only if the database does not support encryption."),
  REQUIRE("Always requires encryption; the connection fails if the database does not support it."),
  VERIFY_CA("Always requires encryption and verifies that the database has a certificate signed by the CA."),
  VERIFY_FULL("Always requires encryption and verifies the database's certificate and host name.");

  static final String DISCRIMINATOR = "mode";
  public static final ConfigField<String> CA_CERTIFICATE = pem("ca_certificate", "CA Certificate", 1).required()
      .build();
  public static final ConfigField<String> CLIENT_CERTIFICATE = pem("client_certificate", "Client Certificate", 2)
      .build();
  public static final ConfigField<String> CLIENT_KEY = pem("client_key", "Client Key", 3).build();
  public static final ConfigField<String> CLIENT_KEY_PASSWORD = ConfigField.string("client_key_password")
      .title("Client key password").description("Password of the client key, if it is encrypted.").secret().order(4)
      .build();

  private final String description;

  SslMode(String description) {
    this.description = description;
  }

  /** The value of {@code mode}, as libpq and pgjdbc spell it. */
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public boolean verifies() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }

  /** The {@code ssl_mode} field, with the order a form shows it at. */
  public static ConfigField<ConfigValues> field(int order) {
    List<ConfigSchema> options = new ArrayList<>();
    for (SslMode mode : values()) {
      options.add(mode.option());
    }
    return ConfigField.oneOf("ssl_mode", DISCRIMINATOR, options).title("SSL Modes")
        .description("How the connection is encrypted; see libpq's sslmode.").order(order).build();
  }

  /** The mode a configuration chose, or empty when it gives no {@code ssl_mode}. */
  public static Optional<SslMode> of(ConfigValues sslMode) {
    if (sslMode == null) {
      return Optional.empty();
    }
    String title = sslMode.schema().title();
    for (SslMode mode : values()) {
      if (mode.value().equals(title)) {
        return Optional.of(mode);
      }
    }
    throw new IllegalStateException("no SSL mode is titled " + title);
  }

  private ConfigSchema option() {
    ConfigField<String> tag = ConfigField.string(DISCRIMINATOR).constant(value()).required().order(0).build();
    ConfigSchema schema = verifies()
        ? ConfigSchema.of(value(), tag, CA_CERTIFICATE, CLIENT_CERTIFICATE, CLIENT_KEY, CLIENT_KEY_PASSWORD)
        : ConfigSchema.of(value(), tag);
    return new ConfigSchema(schema.title(), description, schema.fields());
  }

  private static ConfigField.Builder<String> pem(String name, String title, int order) {
    return ConfigField.string(name).title(title).description(title + " in PEM format.").secret().order(order);
  }
}
