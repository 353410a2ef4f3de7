package dev.gale.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gale credentials} beside a server running on the embedded H2 file store, as a user runs them. */
class CredentialsCommandTest {
  private static final Pattern OUTPUT = Pattern.compile("Client-Id: (\\S+)\\RClient-Secret: (\\S+)\\R");

  @TempDir
  Path dataDir;

  @Test
  void printsTheFirstApplicationWhoseCredentialsBuyATokenFromTheRunningServer() throws Exception {
    GaleConfig config = GaleConfig.fromEnvironment(Map.of("GALE_WORKERS", "0", "GALE_HOST", "127.0.0.1"), 0, dataDir);
    try (GaleServer server = GaleServer.start(config)) {
      Matcher first = credentials();
      Matcher again = credentials();
      assertThat(again.group(1)).isEqualTo(first.group(1));
      assertThat(again.group(2)).isEqualTo(first.group(2));

      HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/api/public/v1/applications/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + first.group(1)
              + "&client_secret=" + first.group(2)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
      assertThat(token.body()).contains("\"token_type\":\"Bearer\"");
    }
  }

  @Test
  void readsAStoppedServersStoreWithoutAServer() {
    GaleConfig config = GaleConfig.fromEnvironment(Map.of("GALE_WORKERS", "0", "GALE_HOST", "127.0.0.1"), 0, dataDir);
    GaleServer.start(config).close();

    Matcher first = credentials();
    assertThat(credentials().group(1)).isEqualTo(first.group(1));
  }

  @Test
  void aDirectoryWithoutAStoreIsAnErrorThatSaysWhereToLookAndCreatesNothing() {
    CredentialsCommand command = new CredentialsCommand();
    command.environment = Map.of();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("--data-dir", dataDir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).as("no credentials the server does not know").isEmpty();
    assertThat(err.toString()).contains("there is no Gale store in " + dataDir.toAbsolutePath())
        .contains("--data-dir").contains("GALE_DATABASE_URL");
    assertThat(dataDir.toFile().list()).as("nothing created").isEmpty();
  }

  private Matcher credentials() {
    CredentialsCommand command = new CredentialsCommand();
    command.environment = Map.of();
    StringWriter out = new StringWriter();
    int exit = new CommandLine(command).setOut(new PrintWriter(out))
        .execute("--data-dir", dataDir.toString());
    assertThat(exit).isZero();
    Matcher matcher = OUTPUT.matcher(out.toString());
    assertThat(matcher.matches()).as(out.toString()).isTrue();
    return matcher;
  }
}
