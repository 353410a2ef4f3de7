package dev.gale.server.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret values for storage with AES-256-GCM, a fresh random 12-byte nonce per value. An encrypted value is
 * an envelope string {@code gale:aesgcm:v1:<base64 of nonce + ciphertext + tag>}; the version prefix is also
 * authenticated, so a later format can be told apart and an altered envelope fails to decrypt. Thread-safe.
 */
public final class SecretCipher {
  /** The start of every envelope this cipher writes. */
  public static final String ENVELOPE_PREFIX = "gale:aesgcm:v1:";
  /** The key file's name in the data directory, when no key is configured. */
  public static final String KEY_FILE_NAME = "secret.key";
  static final int KEY_BYTES = 32;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] ASSOCIATED_DATA = ENVELOPE_PREFIX.getBytes(UTF_8);

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private SecretCipher(byte[] keyBytes) {
    if (keyBytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes, got " + keyBytes.length);
    }
    this.key = new SecretKeySpec(keyBytes, "AES");
  }

  /**
   * The cipher a server uses: the key given in {@code GALE_SECRET_KEY} if there is one, else the key in
   * {@code secret.key} in the data directory, created on first use. Servers sharing one database on different
   * machines must be given the same {@code GALE_SECRET_KEY}.
   */
  public static SecretCipher forServer(Optional<String> base64Key, Path dataDir) {
    requireNonNull(base64Key, "base64Key is null");
    requireNonNull(dataDir, "dataDir is null");
    return base64Key.isPresent() ? fromBase64Key(base64Key.get()) : fromKeyFile(dataDir.resolve(KEY_FILE_NAME));
  }

  /** A cipher with the key written as base64 of 32 bytes, as {@code GALE_SECRET_KEY} holds it. */
  public static SecretCipher fromBase64Key(String base64Key) {
    requireNonNull(base64Key, "base64Key is null");
    byte[] keyBytes;
    try {
      keyBytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      // The message of the decoder's exception quotes a character of the key; leave it out.
      throw new IllegalArgumentException("the secret key is not valid base64");
    }
    return new SecretCipher(keyBytes);
  }

  /** A cipher with the key stored in {@code keyFile}, which is created, readable by its owner only, if missing. */
  public static SecretCipher fromKeyFile(Path keyFile) {
    return new SecretCipher(SecretKeyFile.loadOrCreate(keyFile));
  }

  /** A new random key, base64 encoded, fit for {@code GALE_SECRET_KEY}. */
  public static String generateBase64Key() {
    byte[] keyBytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(keyBytes);
    return Base64.getEncoder().encodeToString(keyBytes);
  }

  /**
   * A key for another purpose (signing tokens), derived from this one with HMAC-SHA256 over the purpose's name, so
   * one key file (or GALE_SECRET_KEY) is all there is to back up and share between servers.
   */
  public byte[] deriveKey(String purpose) {
    requireNonNull(purpose, "purpose is null");
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(("gale key derivation v1: " + purpose).getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  public static boolean isEnvelope(String value) {
    return value != null && value.startsWith(ENVELOPE_PREFIX);
  }

  /** Encrypts {@code plaintext} into a new envelope; the same plaintext gives a different envelope each time. */
  public String encrypt(String plaintext) {
    requireNonNull(plaintext, "plaintext is null");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(ASSOCIATED_DATA);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(UTF_8));
      byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return ENVELOPE_PREFIX + Base64.getEncoder().encodeToString(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts an envelope made by {@link #encrypt}.
   *
   * @throws SecretEnvelopeException when it is no envelope of this version, is malformed, was altered, or was
   *     encrypted with another key
   */
  public String decrypt(String envelope) {
    if (!isEnvelope(envelope)) {
      throw new SecretEnvelopeException("not an encrypted secret: it does not start with " + ENVELOPE_PREFIX);
    }
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(envelope.substring(ENVELOPE_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SecretEnvelopeException("encrypted secret is malformed: its payload is not base64");
    }
    if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretEnvelopeException("encrypted secret is malformed: its payload is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      cipher.updateAAD(ASSOCIATED_DATA);
      return new String(cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES), UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretEnvelopeException(
          "encrypted secret failed authentication: it was altered, or encrypted with another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "SecretCipher[AES-256-GCM, key=**********]";
  }
}
