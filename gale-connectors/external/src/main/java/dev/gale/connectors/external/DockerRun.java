package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One {@code docker run} of a connector image: the exact command line, and the name by which its container is
 * stopped.
 *
 * <p>The run's private folder is mounted read-only at {@link #MOUNT} and the protocol's file arguments point there.
 * Environment variables of the connector are passed by name only ({@code -e NAME}): docker then copies the value from
 * its own environment, so a value (which may be a secret) never shows in the command line, which every user of the
 * machine can read.
 *
 * <p>The files stay readable by Gale's user only (see {@link PrivateFiles}), so the container runs as the folder's
 * owner ({@code --user uid:gid}, Gale's own user). An image's own user could not read them: Airbyte's base images
 * run their connector as a user {@code airbyte} (uid 1000), and making the files readable to it would make them
 * readable to whoever has that uid on this machine. Connectors write to {@code /tmp}, which any user may.
 *
 * @param user the container's {@code uid:gid}
 * @param files the protocol's file arguments in order, by name ({@code config}, {@code catalog}, {@code state}); each
 *     is {@code <name>.json} in {@code folder}
 * @param environmentNames the names of the connector's own environment variables
 */
record DockerRun(DockerImage image, String containerName, Path folder, String user, String verb, List<String> files,
                 Set<String> environmentNames) {
  /** Where the private folder is seen inside the container. */
  static final String MOUNT = "/config";

  DockerRun {
    requireNonNull(image, "image is null");
    requireNonNull(containerName, "containerName is null");
    requireNonNull(folder, "folder is null");
    requireNonNull(user, "user is null");
    requireNonNull(verb, "verb is null");
    files = List.copyOf(files);
    // Sorted, so that the command line is the same from run to run.
    environmentNames = Set.copyOf(new TreeSet<>(environmentNames));
  }

  /**
   * A run with a container name of its own (the image's short name, the verb and a random suffix), as the user who
   * owns {@code folder}.
   *
   * @throws IOException when the folder's owner cannot be read
   */
  static DockerRun of(DockerImage image, Path folder, String verb, List<String> files, Set<String> environmentNames)
      throws IOException {
    // Random, so that two runs of one image at once (two syncs) do not collide over the name.
    String suffix = String.format("%08x", ThreadLocalRandom.current().nextInt());
    return new DockerRun(image, "gale-" + image.shortName() + "-" + verb + "-" + suffix, folder, owner(folder), verb,
        files, environmentNames);
  }

  /** The numeric {@code uid:gid} that owns a file; numbers, since the image need not know Gale's user by name. */
  static String owner(Path file) throws IOException {
    return Files.getAttribute(file, "unix:uid") + ":" + Files.getAttribute(file, "unix:gid");
  }

  /** The command line of {@code docker run}. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of(image.engine().executable(), "run",
        // Removed when it ends; stdin kept open, as a destination reads its messages there.
        "--rm", "-i",
        // A minimal init as the container's first process passes signals on and reaps zombies, as Airbyte does.
        "--init",
        "--name", containerName,
        // Gale reads the output from the pipe; a log driver would keep a second copy of records and secrets.
        "--log-driver", "none",
        "--network", image.network(),
        "--user", user));
    if (image.memory() != null) {
      arguments.addAll(List.of("--memory", image.memory()));
    }
    if (image.cpus() != null) {
      arguments.addAll(List.of("--cpus", image.cpus()));
    }
    // Read-only: the connector reads its files and has no business changing them. The working folder stays the
    // image's own, which the connector may write to, unlike this mount.
    arguments.addAll(List.of("-v", folder.toAbsolutePath() + ":" + MOUNT + ":ro"));
    // What Airbyte's platform tells every connector container about where it runs.
    arguments.addAll(List.of("-e", "DEPLOYMENT_MODE=OSS", "-e", "WORKER_ENVIRONMENT=DOCKER",
        "-e", "WORKER_CONNECTOR_IMAGE=" + image.image()));
    for (String name : new TreeSet<>(environmentNames)) {
      arguments.addAll(List.of("-e", name));
    }
    arguments.add(image.image());
    arguments.add(verb);
    for (String name : files) {
      arguments.add("--" + name);
      arguments.add(MOUNT + "/" + name + ".json");
    }
    return List.copyOf(arguments);
  }

  /** The command line that stops the container at once. */
  List<String> killArguments() {
    return List.of(image.engine().executable(), "kill", containerName);
  }
}
