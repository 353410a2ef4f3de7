package dev.gale.server.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names of undeclared configuration properties are taken for secrets. A client may send properties its
 * connector's specification does not declare (every built-in specification allows extra properties, as Airbyte's do),
 * and Airbyte's own connectors declare properties of these names {@code airbyte_secret}: a configuration copied from
 * Airbyte, or written for a connector Gale's specification does not fully cover yet (such as a Postgres
 * {@code tunnel_method} with its {@code tunnel_user_password} and {@code ssh_key}), carries its secrets under these
 * names. Guessing them secret can only mask and encrypt more than needed, never show a password in plain text; a
 * property the specification declares keeps what the specification says, and is never guessed.
 *
 * <p>A name is split into lower-case words at underscores, hyphens, dots, spaces and camel-case humps
 * ({@code clientSecret} is {@code client secret}), and is secret when:
 * <ul>
 *   <li>its last word is {@code password}, {@code passwd}, {@code passphrase}, {@code secret} or {@code token}
 *       ({@code password}, {@code tunnel_user_password}, {@code client_key_password}, {@code client_secret},
 *       {@code access_token}, {@code refresh_token}, {@code api_token}, {@code token}). Words that merely start
 *       alike stay plain ({@code tokenizer}, {@code passwordless}), as do names where the word qualifies something
 *       else ({@code token_type}, {@code password_hint}, {@code secret_name}, {@code token_expiry_date});</li>
 *   <li>its last word is {@code key} and the word before says what kind of key holds credentials: {@code api},
 *       {@code ssh}, {@code private}, {@code secret}, {@code access}, {@code client}, {@code signing},
 *       {@code encryption}, {@code hmac}, {@code master}, {@code account} ({@code api_key}, {@code ssh_key},
 *       {@code private_key}, {@code secret_access_key}, {@code storage_account_key}). A bare {@code key} and keys of
 *       data ({@code primary_key}, {@code cursor_key}, {@code partition_key}, {@code public_key}) stay plain, and
 *       so does {@code access_key_id}, which Airbyte's S3 specifications show in plain text;</li>
 *   <li>it is one word for an API key ({@code apikey});</li>
 *   <li>its last word is {@code credentials} or {@code credential}, or it is {@code credentials_json}: the whole
 *       value is secret, whatever it holds.</li>
 * </ul>
 * Beyond the name itself, an undeclared property directly inside an object named {@code credentials} is secret
 * whatever its name ({@code credentials.*}), since Airbyte connectors keep only secrets and their selectors there.
 */
public final class SecretNames {
  private static final Set<String> SECRET_LAST_WORDS = Set.of("password", "passwd", "passphrase", "secret", "token");
  private static final Set<String> CREDENTIAL_KEY_KINDS = Set.of("api", "ssh", "private", "secret", "access", "client",
      "signing", "encryption", "hmac", "master", "account");
  private static final Set<String> SECRET_WHOLE_NAMES = Set.of("apikey", "credentials_json");
  private static final Set<String> CREDENTIALS_WORDS = Set.of("credentials", "credential");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
  private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  private SecretNames() {}

  /** Whether an undeclared property of this name holds a secret, by its name alone. */
  public static boolean looksSecret(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    List<String> words = words(name);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.getLast();
    if (SECRET_LAST_WORDS.contains(last) || CREDENTIALS_WORDS.contains(last)
        || SECRET_WHOLE_NAMES.contains(String.join("_", words))) {
      return true;
    }
    return last.equals("key") && words.size() > 1 && CREDENTIAL_KEY_KINDS.contains(words.get(words.size() - 2));
  }

  /**
   * Whether an undeclared property is secret where it is: by its name, or because the object holding it is named
   * {@code credentials}.
   *
   * @param parentName the name of the property whose object holds it, or {@code null} at the configuration's root
   */
  public static boolean looksSecret(String name, String parentName) {
    return looksSecret(name) || (parentName != null && CREDENTIALS_WORDS.contains(parentName.toLowerCase(Locale.ROOT)));
  }

  private static List<String> words(String name) {
    String spaced = CAMEL_HUMP.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : SEPARATORS.split(spaced)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
