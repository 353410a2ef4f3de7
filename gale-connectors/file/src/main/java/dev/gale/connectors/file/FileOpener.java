package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Opens the configured file as a stream of bytes, read front to back without holding it in memory, or as a local file
 * for formats that need to seek (Parquet keeps its schema at the end).
 */
final class FileOpener {
  // A browser's User-Agent, for servers that refuse unknown clients (what provider.user_agent asks for).
  private static final String BROWSER_USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
  // Shared: it holds connections, not configuration, and is safe for concurrent use.
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30)).build();

  private FileOpener() {}

  static InputStream open(FileSourceConfig config) throws IOException, InterruptedException {
    return switch (config.storage()) {
      case LOCAL -> openLocal(config);
      case HTTPS -> openHttp(config);
      case S3 -> S3Objects.open(config);
      default -> throw new ConnectorException("provider.storage " + config.storage().value() + " is not supported");
    };
  }

  /** The file on the local disk; a downloaded copy for HTTP(S) and S3, deleted when closed. */
  static LocalFile local(FileSourceConfig config) throws IOException, InterruptedException {
    if (config.storage() == Storage.LOCAL) {
      openLocal(config).close();
      return new LocalFile(config.location(), false);
    }
    Path copy = Files.createTempFile("gale-file-source-", "." + config.format().value());
    try (InputStream in = open(config)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return new LocalFile(copy, true);
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  /** A file to read with random access, deleted on close when it is a temporary copy. */
  record LocalFile(Path path, boolean temporary) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (temporary) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static InputStream openLocal(FileSourceConfig config) throws IOException {
    Path path = config.location();
    if (Files.isDirectory(path)) {
      throw new ConnectorException("url " + config.url() + " is a directory, not a file");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new ConnectorException("File not found: " + config.url() + " (looked for " + path + ")");
    } catch (AccessDeniedException e) {
      throw new ConnectorException("File " + config.url() + " cannot be read: permission denied");
    }
  }

  private static InputStream openHttp(FileSourceConfig config) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.url())).GET();
    if (config.userAgent()) {
      request.header("User-Agent", BROWSER_USER_AGENT);
    }
    HttpResponse<InputStream> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      // The exception's message may repeat the URL with its query; name the host only.
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT,
          "Could not download " + config.shownUrl() + ": " + e.getClass().getSimpleName(), null);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      response.body().close();
      ConnectorException.Kind kind = status >= 500 || status == 429 || status == 408
          ? ConnectorException.Kind.TRANSIENT : ConnectorException.Kind.CONFIG;
      throw new ConnectorException(kind, "Downloading " + config.shownUrl() + " answered HTTP " + status
          + (status == 404 ? " (not found)" : status == 401 || status == 403 ? " (not allowed)" : ""), null);
    }
    return response.body();
  }
}
