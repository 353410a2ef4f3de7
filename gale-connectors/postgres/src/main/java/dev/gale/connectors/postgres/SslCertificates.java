package dev.gale.connectors.postgres;

/**
 * PEM texts for the verifying SSL modes. {@link #toString()} hides them: they are secrets.
 *
 * @param caCertificate the CA that signed the server's certificate
 * @param clientCertificate the client's certificate, or {@code null} for none
 * @param clientKey the client's key as PKCS #8 PEM, or {@code null} for none
 * @param clientKeyPassword the password of an encrypted client key, or {@code null}
 */
public record SslCertificates(String caCertificate, String clientCertificate, String clientKey,
                              String clientKeyPassword) {
  @Override
  public String toString() {
    return "SslCertificates[**********]";
  }
}
