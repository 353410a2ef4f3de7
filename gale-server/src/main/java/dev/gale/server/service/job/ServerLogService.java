package dev.gale.server.service.job;

import static java.util.Objects.requireNonNull;

import dev.gale.server.logs.LogFiles;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.secrets.SecretPaths;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The server's and the scheduler's logs as {@code logs/get} serves them: the end of the current file, with every
 * secret Gale stores masked, and values that follow a secret-like name ({@code password=...}, a bearer token) masked
 * too. Gale never logs a secret on purpose; this is the second line, for what a library's message may carry.
 */
public final class ServerLogService {
  /** How much of a log's end is served: the current file may hold up to 10 MB, and a reader wants the latest. */
  static final int MAX_BYTES = 1024 * 1024;

  private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
      "(?i)\\b(password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|api[_-]?key)"
          + "([\"']?\\s*[=:]\\s*[\"']?)([^\\s\"'&;,}]+)");
  private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization:?\\s*(?:basic|bearer)\\s+)\\S+");

  private final LogFiles files;
  private final Supplier<List<String>> storedSecrets;

  /** @param storedSecrets every secret value Gale stores (sources', destinations', builder testing values') */
  public ServerLogService(LogFiles files, Supplier<List<String>> storedSecrets) {
    this.files = requireNonNull(files, "files is null");
    this.storedSecrets = requireNonNull(storedSecrets, "storedSecrets is null");
  }

  /** The end of a log, secrets masked; empty when nothing was written to it yet. */
  public String read(LogFiles.Kind kind) {
    Path file = files.file(requireNonNull(kind, "kind is null"));
    if (!Files.isRegularFile(file)) {
      return "";
    }
    String masked = SecretMasker.of(storedSecrets.get()).mask(tail(file));
    masked = SECRET_ASSIGNMENT.matcher(masked).replaceAll("$1$2" + SecretPaths.MASK);
    return AUTHORIZATION.matcher(masked).replaceAll("$1" + SecretPaths.MASK);
  }

  /** The file's last {@link #MAX_BYTES}, from the first whole line among them. */
  private static String tail(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int firstLine = start == 0 ? 0 : text.indexOf('\n') + 1;
      return text.substring(firstLine);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log " + file, e);
    }
  }
}
