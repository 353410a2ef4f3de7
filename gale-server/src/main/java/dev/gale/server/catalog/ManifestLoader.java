package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.interpolation.JinjavaInterpolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads declarative manifests as sources, all with one interpolation engine (Jinjava is costly to set up and
 * thread-safe). Loading parses and checks the whole manifest, so a manifest that loads runs; one that does not is a
 * {@link ManifestException} naming the place in the manifest. Thread-safe.
 */
public final class ManifestLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestLoader.class);

  private final Interpolation interpolation;

  public ManifestLoader() {
    this(new JinjavaInterpolation());
  }

  public ManifestLoader(Interpolation interpolation) {
    this.interpolation = requireNonNull(interpolation, "interpolation is null");
  }

  /**
   * The manifest as a source that {@code descriptor} names.
   *
   * @throws ManifestException when it cannot run, with {@link ManifestException#path()} saying where
   */
  public DeclarativeSource load(ConnectorDescriptor descriptor, JsonNode manifest) {
    requireNonNull(descriptor, "descriptor is null");
    requireNonNull(manifest, "manifest is null");
    try {
      return DeclarativeSource.load(descriptor, manifest, interpolation);
    } catch (ManifestException e) {
      throw e;
    } catch (RuntimeException e) {
      // The interpreter's contract is a ManifestException for every manifest it cannot run; anything else is its
      // bug, reported as the manifest's problem (never as a server fault) and kept in the log with its stack.
      LOG.warn("Loading the manifest of {} failed unexpectedly", descriptor.name(), e);
      throw new ManifestException("", "the manifest cannot be loaded: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }
}
