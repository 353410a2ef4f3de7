package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.GaleConfig;
import dev.gale.server.GaleServer;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.testing.TestingStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store as another local user meets it: a private data directory, a store that wants a password only
 * Gale's user can read, and an H2 server (AUTO_SERVER, for a second Gale process) on loopback only. As root (CI), the
 * hostile part runs for real as the unprivileged user {@code nobody}.
 */
class EmbeddedStoreIT {
  /** 127.0.0.1 as /proc/net/tcp writes it, and as /proc/net/tcp6 writes it IPv4-mapped. */
  private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F");

  @TempDir
  Path dataDir;

  @Test
  void theDataDirectoryAndEveryFileInItAreTheOwnersOnly() throws IOException {
    try (Database ignored = open()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(dataDir)) {
        List<Path> all = files.toList();
        assertThat(all).extracting(path -> path.getFileName().toString())
            .contains("gale.mv.db", EmbeddedStore.PASSWORD_FILE, "secret.key");
        for (Path file : all) {
          assertThat(PrivateFiles.openToOthers(file)).as("%s is open to others", file).isFalse();
        }
      }
    }
  }

  @Test
  void aDataDirectoryLeftOpenByAnEarlierVersionIsClosedAtStart() throws IOException {
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldLogs = Files.createDirectories(dataDir.resolve("logs"));
    Files.setPosixFilePermissions(oldLogs, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldKey = Files.writeString(dataDir.resolve("secret.key"), SecretCipher.generateBase64Key());
    Files.setPosixFilePermissions(oldKey, PosixFilePermissions.fromString("rw-r--r--"));

    try (Database ignored = open()) {
      assertThat(PrivateFiles.openToOthers(dataDir)).isFalse();
      assertThat(PrivateFiles.openToOthers(oldLogs)).isFalse();
      assertThat(PrivateFiles.openToOthers(oldKey)).isFalse();
    }
  }

  @Test
  void aDirectorySharedWithOtherFilesKeepsItsModeAndTheirsWhileGalesFilesArePrivate() throws IOException {
    // As a data directory set to a home directory or /tmp: closing it would lock others out of what is theirs.
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path notes = Files.writeString(dataDir.resolve("notes.txt"), "someone else's");
    Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));

    try (Database ignored = open()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwxr-xr-x");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(notes))).isEqualTo("rw-r--r--");
      for (String gales : List.of("gale.mv.db", "secret.key", EmbeddedStore.PASSWORD_FILE)) {
        assertThat(PrivateFiles.openToOthers(dataDir.resolve(gales))).as(gales).isFalse();
      }
    }
  }

  @Test
  void theStoreRefusesAnEmptyOrWrongPassword() throws IOException {
    try (Database ignored = open()) {
      String url = EmbeddedStore.settings(dataDir).url();
      assertThatThrownBy(() -> DriverManager.getConnection(url, "gale", "").close())
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
      assertThat(Files.readString(dataDir.resolve(EmbeddedStore.PASSWORD_FILE)).strip()).hasSizeGreaterThanOrEqualTo(32);
    }
  }

  @Test
  void aStoreMadeBeforePasswordsTakesTheGeneratedOneAndKeepsItsRows() {
    String url = EmbeddedStore.settings(dataDir).url();
    try (Database legacy = Database.open(new Database.Settings(url, "gale", "", 2))) {
      legacy.jdbi().useHandle(h -> h.execute("CREATE TABLE kept (id int)"));
      legacy.jdbi().useHandle(h -> h.execute("INSERT INTO kept VALUES (7)"));
    }

    try (Database database = open()) {
      int kept = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM kept").mapTo(Integer.class).one());
      assertThat(kept).isEqualTo(7);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "gale", "").close()).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void rowsStoredBeforeSealsExistedAreSealedOnceByTheProcessThatAddsSeals() {
    Actor saved;
    try (Database database = open()) {
      TestingStore store = new TestingStore(database);
      saved = store.newActor(store.newWorkspace("before seals").id(), store.newDefinition(ActorType.SOURCE, "old"), "old");
      // The store as the version before seals left it: no seal column, no key check, migration 7 (and the ones after
      // it, builder projects and process heartbeats) never applied.
      database.jdbi().useHandle(handle -> {
        handle.execute("DROP TABLE process_heartbeats");
        handle.execute("DELETE FROM flyway_schema_history WHERE version = '9'");
        handle.execute("DROP TABLE connector_builder_project");
        handle.execute("ALTER TABLE declarative_manifest DROP COLUMN description");
        handle.execute("DELETE FROM flyway_schema_history WHERE version = '8'");
        handle.execute("ALTER TABLE actor DROP COLUMN configuration_seal");
        handle.execute("DROP TABLE secret_key_check");
        handle.execute("DELETE FROM flyway_schema_history WHERE version = '7'");
      });
    }

    try (Database database = open()) {
      assertThat(new ActorRepository(database, GaleServer.configurationSeal(config())).find(saved.id())).contains(saved);
    }
  }

  @Test
  void h2sServerForOtherGaleProcessesListensOnLoopbackOnlyAndWantsThePassword() throws Exception {
    try (Database ignored = open()) {
      Properties lock = new Properties();
      try (Reader reader = Files.newBufferedReader(dataDir.resolve("gale.lock.db"))) {
        lock.load(reader);
      }
      String server = lock.getProperty("server");
      assertThat(server).as("the lock file names H2's server on loopback").matches("(localhost|127\\.0\\.0\\.1):\\d+");
      int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
      assertThat(listeningAddresses(port)).as("addresses listening on port %d", port).isNotEmpty()
          .allMatch(LOOPBACK::contains);

      ProcessResult asOwner = h2Shell(List.of(), "");
      assertThat(asOwner.exitCode()).as(asOwner.output()).isNotZero();
      assertThat(asOwner.output()).contains("Wrong user name or password");
    }
  }

  @Test
  void anotherLocalUserCanNeitherReadTheDataDirectoryNorOpenTheStore() throws Exception {
    try (Database ignored = open()) {
      if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
        // Without root there is no other user to become; the modes checked above are what stops one.
        assertThat(PrivateFiles.openToOthers(dataDir)).isFalse();
        return;
      }
      List<String> asNobody = List.of("/usr/sbin/runuser", "-u", "nobody", "--");
      ProcessResult read = run(concat(asNobody, List.of("cat", dataDir.resolve(EmbeddedStore.PASSWORD_FILE).toString())));
      assertThat(read.exitCode()).as(read.output()).isNotZero();
      assertThat(read.output()).contains("Permission denied");
      ProcessResult list = run(concat(asNobody, List.of("ls", dataDir.toString())));
      assertThat(list.exitCode()).as(list.output()).isNotZero();

      ProcessResult shell = h2Shell(asNobody, "");
      assertThat(shell.exitCode()).as(shell.output()).isNotZero();
      assertThat(shell.output()).doesNotContain("| 1 ");
    }
  }

  private Database open() {
    return GaleServer.openStore(config(), Clock.systemUTC());
  }

  private GaleConfig config() {
    return GaleConfig.fromEnvironment(Map.of("GALE_WORKERS", "0"), 0, dataDir);
  }

  /** H2's own shell, in a process of its own (as {@code prefix} runs it), opening the store with a password. */
  private ProcessResult h2Shell(List<String> prefix, String password) throws Exception {
    // The H2 jar is copied where any user can read it: the Maven repository may be in a private home.
    Path shared = Files.createTempDirectory("h2-jar-");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        shared.resolve("h2.jar"));
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    try {
      String java = ProcessHandle.current().info().command().orElseThrow();
      return run(concat(prefix, List.of(java, "-cp", jar.toString(), "org.h2.tools.Shell", "-url",
          EmbeddedStore.settings(dataDir).url(), "-user", "gale", "-password", password, "-sql", "SELECT 1")));
    } finally {
      Files.delete(jar);
      Files.delete(shared);
    }
  }

  /** The local addresses (hex, as /proc/net/tcp writes them) with a socket listening on {@code port}. */
  private static List<String> listeningAddresses(int port) throws IOException {
    String hexPort = String.format(Locale.ROOT, "%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        if (local[1].equals(hexPort) && fields[3].equals("0A")) {
          addresses.add(local[0]);
        }
      }
    }
    return addresses;
  }

  private record ProcessResult(int exitCode, String output) {}

  private static ProcessResult run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new ProcessResult(process.exitValue(), output);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
