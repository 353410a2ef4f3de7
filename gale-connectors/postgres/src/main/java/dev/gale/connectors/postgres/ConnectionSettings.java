package dev.gale.connectors.postgres;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * Where and how to connect to a PostgreSQL database. {@link #toString()} hides the password and certificates.
 *
 * @param jdbcUrlParams Airbyte's {@code key=value&key=value} text, appended to the JDBC URL as it is; empty for none
 */
public record ConnectionSettings(String host, int port, String database, String username, String password,
                                 String jdbcUrlParams, SslMode sslMode, SslCertificates certificates) {
  public ConnectionSettings {
    requireNonNull(host, "host is null");
    requireNonNull(database, "database is null");
    requireNonNull(username, "username is null");
    requireNonNull(jdbcUrlParams, "jdbcUrlParams is null");
    requireNonNull(sslMode, "sslMode is null");
  }

  public String jdbcUrl() {
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String url = "jdbc:postgresql://" + hostPart + ":" + port + "/"
        + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    return jdbcUrlParams.isBlank() ? url : url + "?" + jdbcUrlParams.strip();
  }

  /**
   * Opens a connection. The verifying SSL modes need the certificates as files, which pgjdbc reads during the
   * handshake: they live in a private temporary folder only while the connection is opened.
   *
   * @throws ConnectorException saying why the database cannot be reached; never with the password
   */
  public Connection open() {
    Properties properties = new Properties();
    PGProperty.USER.set(properties, username);
    if (password != null) {
      PGProperty.PASSWORD.set(properties, password);
    }
    PGProperty.SSL_MODE.set(properties, sslMode.value());
    PGProperty.APPLICATION_NAME.set(properties, "gale");
    List<Path> files = new ArrayList<>();
    try {
      if (certificates != null) {
        writeCertificates(properties, files);
      }
      return DriverManager.getConnection(jdbcUrl(), properties);
    } catch (SQLException e) {
      throw new ConnectorException("Cannot connect to " + host + ":" + port + "/" + database + " as " + username
          + ": " + e.getMessage());
    } finally {
      deleteAll(files);
    }
  }

  private void writeCertificates(Properties properties, List<Path> files) {
    try {
      Path folder = Files.createTempDirectory("gale-pg-ssl",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      files.add(folder);
      PGProperty.SSL_ROOT_CERT.set(properties, write(folder, "root.crt", certificates.caCertificate(), files));
      if (certificates.clientCertificate() != null) {
        PGProperty.SSL_CERT.set(properties, write(folder, "client.crt", certificates.clientCertificate(), files));
      }
      if (certificates.clientKey() != null) {
        // pgjdbc reads keys as PKCS #8 DER; a PEM key of that kind is the same bytes in base64.
        Path key = folder.resolve("client.pk8");
        Files.write(key, pkcs8Der(certificates.clientKey()));
        files.add(key);
        PGProperty.SSL_KEY.set(properties, key.toString());
      }
      if (certificates.clientKeyPassword() != null) {
        PGProperty.SSL_PASSWORD.set(properties, certificates.clientKeyPassword());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the SSL certificates to a temporary folder", e);
    }
  }

  private static String write(Path folder, String name, String text, List<Path> files) throws IOException {
    Path file = Files.writeString(folder.resolve(name), text);
    files.add(file);
    return file.toString();
  }

  static byte[] pkcs8Der(String pem) {
    String trimmed = pem.strip();
    if (!trimmed.startsWith("-----BEGIN PRIVATE KEY-----")
        && !trimmed.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new ConnectorException("ssl_mode.client_key must be a PKCS #8 PEM key (BEGIN PRIVATE KEY or BEGIN "
          + "ENCRYPTED PRIVATE KEY); convert it with: openssl pkcs8 -topk8");
    }
    String body = trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("ssl_mode.client_key is not valid PEM");
    }
  }

  // Delete in reverse order: files first, then their folder.
  private static void deleteAll(List<Path> files) {
    for (int i = files.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(files.get(i));
      } catch (IOException e) {
        // A leftover file in a private temporary folder is harmless; the connection matters more.
      }
    }
  }

  @Override
  public String toString() {
    return "ConnectionSettings[" + username + "@" + host + ":" + port + "/" + database + ", sslMode=" + sslMode.value()
        + "]";
  }
}
