package dev.gale.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gale replicate} end to end in this JVM: Sample Data to Local JSON, and its usage and failure exits. */
class ReplicateCommandTest {
  private static final String LOCAL_ROOT = "gale.local.root";
  private static final String SAMPLE = "{\"count\": 100, \"seed\": 42, \"records_per_slice\": 25}";

  @TempDir
  Path directory;
  private Path root;

  @BeforeEach
  void localRoot() throws IOException {
    root = Files.createDirectories(directory.resolve("local"));
    System.setProperty(LOCAL_ROOT, root.toString());
  }

  @AfterEach
  void clearLocalRoot() {
    System.clearProperty(LOCAL_ROOT);
  }

  @Test
  void copiesSampleDataToLocalJsonFilesAndSummarizes() throws IOException {
    Path sourceConfig = write("source.json", SAMPLE);
    Path state = directory.resolve("state.json");

    Run run = run(null, "replicate", "--source", "airbyte/source-faker", "--source-config", sourceConfig.toString(),
        "--destination", "airbyte/destination-local-json", "--destination-config", write("dest.json",
            "{\"destination_path\": \"/local/out\"}").toString(), "--state", state.toString());

    assertThat(run.exit).as(run.toString()).isZero();
    Path out = root.resolve("out");
    List<JsonNode> users = lines(out.resolve("_airbyte_raw_users.jsonl"));
    assertThat(users).hasSize(100);
    assertThat(users.getFirst().path("_airbyte_data").path("id").asLong()).isEqualTo(1);
    assertThat(users).allSatisfy(line -> assertThat(line.path("_airbyte_ab_id").asText()).isNotEmpty());
    long written = 0;
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        written += lines(file).size();
      }
    }
    Matcher summary = Pattern.compile("Sync succeeded: (\\d+) records, [\\d.]+ MB, [\\d.]+ s, \\d+ rows/s")
        .matcher(run.out);
    assertThat(summary.find()).as(run.out).isTrue();
    assertThat(Long.parseLong(summary.group(1))).isEqualTo(written).isGreaterThan(100);
    assertThat(run.out).contains("  users: 100 records", "  products: ", "  purchases: ");
    assertThat(run.err).contains("Syncing 3 stream(s) from Sample Data (Faker) to Local JSON (full_refresh, overwrite)");

    JsonNode committed = Json.mapper().readTree(state.toFile());
    assertThat(committed).hasSize(3);
    assertThat(committed).allSatisfy(message -> assertThat(message.path("type").asText()).isEqualTo("STREAM"));
  }

  @Test
  void readsAConfigurationFromStandardInputAndResumesFromTheStateFile() throws IOException {
    Path state = directory.resolve("state.json");
    String[] args = {"replicate", "--source", "airbyte/source-faker", "--source-config", "-",
        "--destination", "airbyte/destination-local-json", "--destination-config",
        write("dest.json", "{\"destination_path\": \"inc\"}").toString(), "--stream", "users",
        "--sync-mode", "incremental", "--state", state.toString()};
    String config = "{\"count\": 100, \"seed\": 42, \"always_updated\": false}";

    Run first = run(config, args);
    Run second = run(config, args);

    assertThat(first.exit).as(first.toString()).isZero();
    assertThat(first.out).contains("Sync succeeded: 100 records");
    assertThat(second.exit).as(second.toString()).isZero();
    assertThat(second.out).contains("Sync succeeded: 0 records");
    assertThat(lines(root.resolve("inc/_airbyte_raw_users.jsonl"))).hasSize(100);
    assertThat(Json.mapper().readTree(state.toFile()).get(0).path("stream").path("stream_descriptor")
        .path("name").asText()).isEqualTo("users");
  }

  @Test
  void aMissingOptionIsAUsageError() throws IOException {
    Run run = run(null, "replicate", "--source", "airbyte/source-faker", "--source-config",
        write("source.json", SAMPLE).toString(), "--destination", "airbyte/destination-local-json");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("Missing required option: '--destination-config=FILE'", "Usage: gale replicate");
    assertThat(run.out).isEmpty();
  }

  @Test
  void unknownConnectorsStreamsAndModesAreUsageErrors() throws IOException {
    String source = write("source.json", SAMPLE).toString();
    String destination = write("dest.json", "{\"destination_path\": \"/local/out\"}").toString();

    Run connector = run(null, "replicate", "--source", "airbyte/source-nothing", "--source-config", source,
        "--destination", "airbyte/destination-local-json", "--destination-config", destination);
    Run stream = run(null, "replicate", "--source", "airbyte/source-faker", "--source-config", source,
        "--destination", "airbyte/destination-local-json", "--destination-config", destination, "--stream", "orders");
    Run mode = run(null, "replicate", "--source", "airbyte/source-faker", "--source-config", source,
        "--destination", "airbyte/destination-local-json", "--destination-config", destination,
        "--destination-sync-mode", "append_dedup");

    assertThat(List.of(connector.exit, stream.exit, mode.exit)).containsOnly(2);
    assertThat(connector.err).contains("--source: no built-in source 'airbyte/source-nothing'", "airbyte/source-faker");
    assertThat(stream.err).contains("--stream: the source has no stream orders; it offers [users, products, purchases]");
    assertThat(mode.err).contains("the destination does not apply append_dedup");
  }

  @Test
  void anImageGaleDoesNotShipRunsFromThePathUnderItsShortName() throws IOException {
    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path program = Files.writeString(bin.resolve("source-tiny"), """
        #!/usr/bin/env bash
        case "$1" in
          spec) echo '{"type":"SPEC","spec":{"connectionSpecification":{"type":"object","properties":{}}}}' ;;
          discover) echo '{"type":"CATALOG","catalog":{"streams":[{"name":"rows","json_schema":{"type":"object",\
        "properties":{"id":{"type":"integer"}}},"supported_sync_modes":["full_refresh"]}]}}' ;;
          read) for i in 1 2 3; do echo "{\\"type\\":\\"RECORD\\",\\"record\\":{\\"stream\\":\\"rows\\",\\"emitted_at\\":1,\\"data\\":{\\"id\\":$i}}}"; done ;;
        esac
        """);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    String destination = write("dest.json", "{\"destination_path\": \"/local/tiny\"}").toString();

    Run run = runIn(Map.of("PATH", bin.toString()), "replicate", "--source", "someone/source-tiny:1.0",
        "--source-config", write("source.json", "{}").toString(), "--destination", "airbyte/destination-local-json",
        "--destination-config", destination);
    Run nowhere = runIn(Map.of("PATH", bin.toString()), "replicate", "--source", "someone/source-nowhere",
        "--source-config", write("source.json", "{}").toString(), "--destination", "airbyte/destination-local-json",
        "--destination-config", destination);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(lines(root.resolve("tiny").resolve("_airbyte_raw_rows.jsonl")))
        .extracting(line -> line.path("_airbyte_data").path("id").asInt()).containsExactly(1, 2, 3);
    assertThat(nowhere.exit).isEqualTo(2);
    assertThat(nowhere.err).contains("--source: no built-in source 'someone/source-nowhere'", "airbyte/source-faker",
        "no command is configured for someone/source-nowhere in GALE_CONNECTOR_COMMANDS",
        "no executable source-nowhere is on the PATH", "Docker");
  }

  @Test
  void aFailedSyncExitsWithOneAndItsMessageButNoConfigurationValue() throws IOException {
    Run run = run(null, "replicate", "--source", "airbyte/source-faker", "--source-config",
        write("source.json", SAMPLE).toString(), "--destination", "airbyte/destination-local-json",
        "--destination-config", write("dest.json", "{\"destination_path\": \"/local/../../escape-7f3a\"}").toString());

    assertThat(run.exit).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("Sync failed: ",
        "Failure (DESTINATION, config error): 'destination_path' must stay inside the local root");
    assertThat(run.out + run.err).doesNotContain("escape-7f3a");
  }

  @Test
  void invalidJsonIsReportedWithoutQuotingIt() throws IOException {
    Run run = run("{\"password\": s3cret-value}", "replicate", "--source", "airbyte/source-postgres",
        "--source-config", "-", "--destination", "airbyte/destination-local-json", "--destination-config",
        write("dest.json", "{\"destination_path\": \"out\"}").toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("--source-config: standard input is not valid JSON (line 1, column");
    assertThat(run.err).doesNotContain("s3cret");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(Json.parse(line));
    }
    return lines;
  }

  private static Run run(String stdin, String... args) {
    return run(stdin, System.getenv(), args);
  }

  /** Runs the gale command in {@code environment}, as far as finding external connectors goes. */
  private static Run runIn(Map<String, String> environment, String... args) {
    return run(null, environment, args);
  }

  /** Runs the gale command with {@code stdin} (or nothing) as standard input, capturing both outputs. */
  private static Run run(String stdin, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream input = new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine command = new CommandLine(new GaleCommand(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K created = defaults.create(type);
        if (created instanceof ReplicateCommand replicate) {
          replicate.stdin = input;
          replicate.environment = environment;
        }
        return created;
      }
    });
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
