package dev.gale.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
  private final SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key());

  @Test
  void encryptsIntoAVersionedEnvelopeAndBack() {
    String envelope = cipher.encrypt("hunter2");

    assertThat(envelope).startsWith("gale:aesgcm:v1:").doesNotContain("hunter2");
    assertThat(SecretCipher.isEnvelope(envelope)).isTrue();
    assertThat(cipher.decrypt(envelope)).isEqualTo("hunter2");
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    assertThat(cipher.decrypt(cipher.encrypt("päss wörd ✓"))).isEqualTo("päss wörd ✓");
  }

  @Test
  void usesAFreshNonceForEveryValue() {
    String first = cipher.encrypt("same");
    String second = cipher.encrypt("same");

    assertThat(first).isNotEqualTo(second);
    assertThat(payload(first)).hasSize(12 + 4 + 16);
    assertThat(Arrays.copyOf(payload(first), 12)).isNotEqualTo(Arrays.copyOf(payload(second), 12));
  }

  @Test
  void rejectsATamperedEnvelope() {
    byte[] payload = payload(cipher.encrypt("hunter2"));
    for (int position : new int[] {0, 12, payload.length - 1}) {
      byte[] tampered = payload.clone();
      tampered[position] ^= 1;
      String envelope = SecretCipher.ENVELOPE_PREFIX + Base64.getEncoder().encodeToString(tampered);

      assertThatThrownBy(() -> cipher.decrypt(envelope)).isInstanceOf(SecretEnvelopeException.class)
          .hasMessageContaining("failed authentication");
    }
  }

  @Test
  void rejectsAnEnvelopeEncryptedWithAnotherKey() {
    String envelope = SecretCipher.fromBase64Key(SecretCipher.generateBase64Key()).encrypt("hunter2");

    assertThatThrownBy(() -> cipher.decrypt(envelope)).isInstanceOf(SecretEnvelopeException.class)
        .hasMessageContaining("another key");
  }

  @Test
  void rejectsMalformedEnvelopes() {
    assertThatThrownBy(() -> cipher.decrypt("hunter2")).isInstanceOf(SecretEnvelopeException.class)
        .hasMessageContaining("not an encrypted secret");
    assertThatThrownBy(() -> cipher.decrypt("gale:aesgcm:v1:!!!")).isInstanceOf(SecretEnvelopeException.class)
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> cipher.decrypt("gale:aesgcm:v1:AAAA")).isInstanceOf(SecretEnvelopeException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void rejectsAKeyOfTheWrongSizeOrEncodingWithoutQuotingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretCipher.fromBase64Key(shortKey)).hasMessage(
        "the secret key must be 32 bytes, got 16");
    assertThatThrownBy(() -> SecretCipher.fromBase64Key("not*base64*key")).hasMessage(
        "the secret key is not valid base64");
  }

  @Test
  void createsAnOwnerOnlyKeyFileOnFirstUseAndReusesIt(@TempDir Path dataDir) throws Exception {
    SecretCipher first = SecretCipher.forServer(Optional.empty(), dataDir.resolve("nested"));
    Path keyFile = dataDir.resolve("nested").resolve(SecretCipher.KEY_FILE_NAME);

    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
    String keyText = Files.readString(keyFile);
    String envelope = first.encrypt("hunter2");

    SecretCipher second = SecretCipher.forServer(Optional.empty(), dataDir.resolve("nested"));

    assertThat(second.decrypt(envelope)).isEqualTo("hunter2");
    assertThat(Files.readString(keyFile)).isEqualTo(keyText);
    try (var files = Files.list(keyFile.getParent())) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly(SecretCipher.KEY_FILE_NAME);
    }
  }

  @Test
  void aConfiguredKeyWinsAndNoKeyFileIsWritten(@TempDir Path dataDir) {
    String key = SecretCipher.generateBase64Key();

    String envelope = SecretCipher.forServer(Optional.of(key), dataDir).encrypt("hunter2");

    assertThat(SecretCipher.fromBase64Key(key).decrypt(envelope)).isEqualTo("hunter2");
    assertThat(dataDir.resolve(SecretCipher.KEY_FILE_NAME)).doesNotExist();
  }

  @Test
  void serversStartingTogetherAgreeOnOneKey(@TempDir Path dataDir) throws Exception {
    Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE_NAME);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<SecretCipher>> ciphers = new ArrayList<>();
    try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        ciphers.add(executor.submit(() -> {
          start.await();
          return SecretCipher.fromKeyFile(keyFile);
        }));
      }
      start.countDown();
      String envelope = ciphers.getFirst().get().encrypt("shared");
      for (Future<SecretCipher> other : ciphers) {
        assertThat(other.get().decrypt(envelope)).isEqualTo("shared");
      }
    }
  }

  @Test
  void rejectsAKeyFileThatHoldsNoKey(@TempDir Path dataDir) throws Exception {
    Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE_NAME);
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[8]));
    Files.setPosixFilePermissions(keyFile, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    assertThatThrownBy(() -> SecretCipher.fromKeyFile(keyFile)).hasMessageContaining("holds 8 bytes, not 32");
  }

  @Test
  void neverShowsTheKey() {
    assertThat(cipher.toString()).doesNotContainPattern("[A-Za-z0-9+/]{40,}");
  }

  private static byte[] payload(String envelope) {
    return Base64.getDecoder().decode(envelope.substring(SecretCipher.ENVELOPE_PREFIX.length()));
  }
}
