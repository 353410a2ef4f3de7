package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A connector run as a Docker image, with the settings Airbyte's platform gives a connector container.
 *
 * @param image the image with its tag, such as {@code airbyte/source-faker:6.2.20}
 * @param engine the {@code docker} command line that runs it
 * @param network the container's network ({@code --network}); {@code host} by default, as Airbyte's Docker
 *     deployment uses, so that a database the connector reaches as {@code localhost} is the same as for a local program
 * @param memory the memory limit ({@code --memory}), such as {@code 2g}, or {@code null} for none
 * @param cpus the CPU limit ({@code --cpus}), such as {@code 1.5}, or {@code null} for none
 */
public record DockerImage(String image, DockerEngine engine, String network, String memory, String cpus)
    implements Launch {
  public static final String DEFAULT_NETWORK = "host";
  // Docker's own forms: a number of bytes with an optional unit, and a decimal number of CPUs.
  private static final Pattern MEMORY = Pattern.compile("[0-9]+[bkmgBKMG]?");
  private static final Pattern CPUS = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  // An image reference: no spaces, and no leading dash that docker would read as an option.
  private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*");
  private static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._:-]*");

  public DockerImage {
    requireNonNull(image, "image is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(network, "network is null");
    check(IMAGE, image, "image");
    check(NETWORK, network, "network");
    if (memory != null) {
      check(MEMORY, memory, "memory limit");
    }
    if (cpus != null) {
      check(CPUS, cpus, "CPU limit");
    }
  }

  /** The image on the default engine and network, without limits. */
  public static DockerImage of(String image) {
    return new DockerImage(image, DockerEngine.DEFAULT, DEFAULT_NETWORK, null, null);
  }

  public DockerImage withEngine(DockerEngine dockerEngine) {
    return new DockerImage(image, dockerEngine, network, memory, cpus);
  }

  public DockerImage withNetwork(String dockerNetwork) {
    return new DockerImage(image, engine, dockerNetwork, memory, cpus);
  }

  public DockerImage withLimits(String memoryLimit, String cpuLimit) {
    return new DockerImage(image, engine, network, memoryLimit, cpuLimit);
  }

  @Override
  public String display() {
    return image;
  }

  /** The image's name without registry, owner and tag: {@code source-faker} for {@code airbyte/source-faker:6}. */
  String shortName() {
    String name = image.substring(image.lastIndexOf('/') + 1);
    int end = name.indexOf('@') >= 0 ? name.indexOf('@') : name.indexOf(':');
    return end >= 0 ? name.substring(0, end) : name;
  }

  private static void check(Pattern pattern, String value, String what) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a valid Docker " + what + ": " + value);
    }
  }
}
