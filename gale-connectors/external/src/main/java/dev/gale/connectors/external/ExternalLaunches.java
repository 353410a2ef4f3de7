package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorDescriptor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a connector that Gale does not ship is run, found from its Airbyte image ({@code airbyte/source-pokeapi} and a
 * tag), in this order:
 * <ol>
 *   <li>a command the operator configured for the image's repository, in the file {@value #COMMANDS_VARIABLE}
 *       names (see {@link #readCommands});</li>
 *   <li>an executable on the PATH named by the image's short name, {@code source-pokeapi} for
 *       {@code airbyte/source-pokeapi}, as PyAirbyte installs connectors; only a name that starts with
 *       {@code source-} is looked for as a source, and {@code destination-} as a destination;</li>
 *   <li>the image itself, run by Docker, where an engine answers.</li>
 * </ol>
 *
 * <p>Commands come only from the operator, never from an API request: whoever may create a definition names an image,
 * and the most that name can start is a configured command, a {@code source-*} or {@code destination-*} program the
 * operator installed on the PATH, or an image through Docker. No caller can make Gale run a command line of its own.
 */
public final class ExternalLaunches {
  /** The environment variable naming the operator's file of commands. */
  public static final String COMMANDS_VARIABLE = "GALE_CONNECTOR_COMMANDS";
  // An image's short name as a file name: no path separators, no leading dot, nothing a shell would read.
  private static final Pattern SHORT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final Map<String, List<String>> commands;
  private final String path;
  private final DockerEngine docker;

  /**
   * @param commands the configured command of each docker repository (no tag), an argv each
   * @param path the PATH to look for executables on, directories separated as the platform separates them
   * @param docker the engine to ask for images
   */
  public ExternalLaunches(Map<String, List<String>> commands, String path, DockerEngine docker) {
    this.commands = Map.copyOf(requireNonNull(commands, "commands is null"));
    this.commands.values().forEach(Launch.LocalProgram::new); // an empty argv is refused here, not at a run
    this.path = requireNonNull(path, "path is null");
    this.docker = requireNonNull(docker, "docker is null");
  }

  /**
   * The operator's settings in {@code environment}: the commands of the file {@value #COMMANDS_VARIABLE} names (none
   * when it is unset), the {@code PATH}, and the {@code docker} on that PATH.
   *
   * @throws IllegalArgumentException when the commands file cannot be read or has a line that is not a command
   */
  public static ExternalLaunches fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment is null");
    String file = environment.getOrDefault(COMMANDS_VARIABLE, "");
    Map<String, List<String>> commands = file.isBlank() ? Map.of() : readCommands(Path.of(file));
    return new ExternalLaunches(commands, environment.getOrDefault("PATH", ""), DockerEngine.DEFAULT);
  }

  /**
   * Reads a commands file: one {@code repository = command line} a line, such as
   * {@code airbyte/source-faker = /opt/faker/bin/python -m source_faker.run}; blank lines and lines starting with
   * {@code #} are skipped. The command line is split at white space, with no quoting: a program whose arguments hold
   * spaces is started through a small script.
   *
   * @throws IllegalArgumentException naming the file and line that is wrong, or the file that cannot be read
   */
  public static Map<String, List<String>> readCommands(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(requireNonNull(file, "file is null"));
    } catch (IOException e) {
      throw new IllegalArgumentException(COMMANDS_VARIABLE + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, List<String>> commands = new LinkedHashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String repository = equals < 0 ? "" : line.substring(0, equals).strip();
      String command = equals < 0 ? "" : line.substring(equals + 1).strip();
      if (repository.isEmpty() || command.isEmpty()) {
        throw new IllegalArgumentException("%s: line %d of %s is not 'repository = command line'"
            .formatted(COMMANDS_VARIABLE, number, file));
      }
      if (commands.put(repository, Arrays.asList(command.split("\\s+"))) != null) {
        throw new IllegalArgumentException("%s: line %d of %s configures %s a second time"
            .formatted(COMMANDS_VARIABLE, number, file, repository));
      }
    }
    return commands;
  }

  /** The repositories that have a configured command. */
  public List<String> configuredRepositories() {
    return commands.keySet().stream().sorted().toList();
  }

  /**
   * How to run a connector of {@code kind} published as {@code repository:tag}.
   *
   * @param repository the docker repository, without tag ({@code airbyte/source-pokeapi})
   * @param tag its version; Docker runs that tag, a local program is whatever version is installed
   */
  public Search find(ConnectorDescriptor.Kind kind, String repository, String tag) {
    requireNonNull(kind, "kind is null");
    requireNonNull(repository, "repository is null");
    requireNonNull(tag, "tag is null");
    List<String> tried = new ArrayList<>();
    List<String> configured = commands.get(repository);
    if (configured != null) {
      return Search.found(new Launch.LocalProgram(configured));
    }
    tried.add("no command is configured for " + repository + " in " + COMMANDS_VARIABLE);
    String shortName = repository.substring(repository.lastIndexOf('/') + 1);
    String prefix = kind == ConnectorDescriptor.Kind.SOURCE ? "source-" : "destination-";
    if (!shortName.startsWith(prefix) || !SHORT_NAME.matcher(shortName).matches()) {
      tried.add("a %s is looked for on the PATH only under a name like %sxyz, not '%s'"
          .formatted(kind.name().toLowerCase(), prefix, shortName));
    } else {
      Optional<Path> executable = onPath(shortName);
      if (executable.isPresent()) {
        return Search.found(new Launch.LocalProgram(List.of(executable.get().toString())));
      }
      tried.add("no executable " + shortName + " is on the PATH");
    }
    DockerImage image;
    try {
      image = DockerImage.of(repository + ":" + tag).withEngine(docker);
    } catch (IllegalArgumentException e) {
      tried.add("'" + repository + ":" + tag + "' is no Docker image name");
      return Search.none(tried);
    }
    if (docker.answers()) {
      return Search.found(image);
    }
    tried.add("no Docker engine answers");
    return Search.none(tried);
  }

  /** The first executable regular file named {@code name} in the PATH's directories. */
  private Optional<Path> onPath(String name) {
    for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
      if (directory.isBlank()) {
        continue; // An empty entry means the working directory to a shell; a server has no business there.
      }
      Path candidate = Path.of(directory).resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /**
   * What a {@link #find} came to: a launch, or what was tried in vain, each a phrase for the user.
   *
   * @param launch null when none was found
   */
  public record Search(Launch launch, List<String> tried) {
    public Search {
      tried = List.copyOf(requireNonNull(tried, "tried is null"));
    }

    static Search found(Launch launch) {
      return new Search(requireNonNull(launch, "launch is null"), List.of());
    }

    static Search none(List<String> tried) {
      return new Search(null, tried);
    }

    public Optional<Launch> found() {
      return Optional.ofNullable(launch);
    }

    /** The launch found, as a command with no extra environment and the default limits. */
    public Optional<ExternalCommand> command() {
      return found().map(found -> new ExternalCommand(found, Map.of(), ExternalCommand.DEFAULT_NO_MESSAGE_TIMEOUT,
          ExternalCommand.DEFAULT_MAX_LINE_BYTES));
    }
  }
}
