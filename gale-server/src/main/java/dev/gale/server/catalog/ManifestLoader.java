package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.interpolation.JinjavaInterpolation;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads declarative manifests as sources, all with one interpolation engine (Jinjava is thread-safe, and costly to
 * set up: a fifth of a second, so the default engine is made when the first manifest loads, not at the server's
 * start). Loading parses and checks the whole manifest, so a manifest that loads runs; one that does not is a
 * {@link ManifestException} naming the place in the manifest. Thread-safe.
 */
public final class ManifestLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestLoader.class);

  private final Supplier<Interpolation> engine;
  private volatile Interpolation interpolation;

  public ManifestLoader() {
    this.engine = JinjavaInterpolation::new;
  }

  public ManifestLoader(Interpolation interpolation) {
    requireNonNull(interpolation, "interpolation is null");
    this.engine = () -> interpolation;
    this.interpolation = interpolation;
  }

  private Interpolation interpolation() {
    Interpolation made = interpolation;
    if (made == null) {
      synchronized (this) {
        made = interpolation;
        if (made == null) {
          made = engine.get();
          interpolation = made;
        }
      }
    }
    return made;
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
      return DeclarativeSource.load(descriptor, manifest, interpolation());
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
