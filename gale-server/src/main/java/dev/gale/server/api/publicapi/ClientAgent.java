package dev.gale.server.api.publicapi;

import dev.gale.server.http.Call;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generated Airbyte client sent a Public API request, read from its {@code User-Agent}
 * ({@code speakeasy-sdk/<language> <sdk version> <generator version> <document version> ...}), so that an answer
 * stays readable by the clients people already run.
 *
 * <p>Airbyte's Java SDK 0.x was generated from the 2023 document: it throws on an enum value it does not know (a
 * {@code clear} job, a {@code propagate_fully} schema policy) and reads {@code GET /streams} as an object
 * {@code {"streams": [...]}}, where the Python SDK and the current document read a bare array.
 * {@link LegacyEnums} holds the answers such a client can read.
 */
public record ClientAgent(String language, int sdkMajor) {
  private static final Pattern SPEAKEASY = Pattern.compile("speakeasy-sdk/(\\w+) (\\d+)\\.");
  private static final ClientAgent OTHER = new ClientAgent("", -1);

  public static ClientAgent of(Call call) {
    return call.header("User-Agent").map(ClientAgent::parse).orElse(OTHER);
  }

  static ClientAgent parse(String userAgent) {
    Matcher matcher = SPEAKEASY.matcher(userAgent);
    return matcher.find()
        ? new ClientAgent(matcher.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(matcher.group(2)))
        : OTHER;
  }

  /** Airbyte's Java SDK before 1.0: it knows only the enum values of the 2023 document. */
  public boolean knowsOnly2023Enums() {
    return language.equals("java") && sdkMajor == 0;
  }

  /** Whether {@code GET /streams} must answer {@code {"streams": [...]}} rather than the bare array. */
  public boolean readsStreamsAsObject() {
    return knowsOnly2023Enums();
  }

  /** For log lines: the client's language and major version, or that it is not a generated SDK. */
  public Optional<String> describe() {
    return language.isEmpty() ? Optional.empty() : Optional.of(language + " SDK " + sdkMajor + ".x");
  }
}
