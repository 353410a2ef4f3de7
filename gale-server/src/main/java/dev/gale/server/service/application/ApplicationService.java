package dev.gale.server.service.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Application;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.store.ApplicationRepository;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applications of the one user Gale serves. Secrets are 32 random bytes, stored sealed by the {@link SecretCipher}:
 * the server can check them and show them to their owner (Airbyte's ApplicationRead requires the secret), while the
 * database alone never reveals them.
 */
public final class ApplicationService {
  /** The application {@code gale credentials} creates and shows when there is none yet. */
  public static final String FIRST_APPLICATION_NAME = "Default application";

  private final ApplicationRepository applications;
  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApplicationService(ApplicationRepository applications, SecretCipher cipher, Clock clock) {
    this.applications = requireNonNull(applications, "applications is null");
    this.cipher = requireNonNull(cipher, "cipher is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public ApplicationCredentials create(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", name, "'name' must not be blank");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    // Microseconds: what both stores keep, so a read gives back what was written.
    Application application = new Application(UUID.randomUUID(), Application.DEFAULT_ORGANIZATION_ID,
        Application.DEFAULT_USER_ID, name.strip(), UUID.randomUUID().toString(), cipher.encrypt(clientSecret),
        clock.instant().truncatedTo(ChronoUnit.MICROS));
    applications.insert(application);
    return credentials(application);
  }

  public List<ApplicationCredentials> list() {
    return applications.listByUser(Application.DEFAULT_USER_ID).stream().map(this::credentials).toList();
  }

  public ApplicationCredentials get(UUID id) {
    return credentials(find(id));
  }

  public ApplicationCredentials delete(UUID id) {
    ApplicationCredentials deleted = credentials(find(id));
    if (!applications.delete(id)) {
      throw new NotFoundException("application", id.toString());
    }
    return deleted;
  }

  /** The first application, created on first use, as {@code abctl local credentials} shows it. */
  public ApplicationCredentials first() {
    return applications.listByUser(Application.DEFAULT_USER_ID).stream().findFirst().map(this::credentials)
        .orElseGet(() -> create(FIRST_APPLICATION_NAME));
  }

  /**
   * Creates the first application if there is none. Decrypts nothing: a server must start even beside others that
   * share its database under another secret key (their secrets stay theirs).
   */
  public void ensureFirst() {
    if (applications.listByUser(Application.DEFAULT_USER_ID).isEmpty()) {
      create(FIRST_APPLICATION_NAME);
    }
  }

  /** The application these credentials belong to; empty when the client id is unknown or the secret wrong. */
  public Optional<Application> authenticate(String clientId, String clientSecret) {
    requireNonNull(clientId, "clientId is null");
    requireNonNull(clientSecret, "clientSecret is null");
    return applications.findByClientId(clientId)
        .filter(application -> MessageDigest.isEqual(cipher.decrypt(application.sealedSecret()).getBytes(UTF_8),
            clientSecret.getBytes(UTF_8)));
  }

  /** Whether the application of this client id still exists: a deleted application's tokens stop working. */
  public boolean exists(String clientId) {
    return applications.findByClientId(clientId).isPresent();
  }

  private Application find(UUID id) {
    requireNonNull(id, "id is null");
    return applications.find(id).orElseThrow(() -> new NotFoundException("application", id.toString()));
  }

  private ApplicationCredentials credentials(Application application) {
    return new ApplicationCredentials(application.id(), application.name(), application.clientId(),
        cipher.decrypt(application.sealedSecret()), application.createdAt());
  }
}
