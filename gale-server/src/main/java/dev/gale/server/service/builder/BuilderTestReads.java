package dev.gale.server.service.builder;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.Json;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.BuilderProject;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.BoundedCall;
import dev.gale.server.service.definition.DeclarativeManifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector builder's test read ({@code read_stream}): the first pages of one stream of a draft manifest, read with
 * its project's testing values in this process, within Airbyte's limits and a time bound.
 */
public final class BuilderTestReads {
  /**
   * A test read to run: the manifest being edited and one of its streams, with Airbyte's optional limits.
   *
   * @param state nullable: Airbyte state messages to start from, not checked yet
   */
  public record Request(UUID workspaceId, UUID builderProjectId, ObjectNode manifest, String streamName,
                        String customComponentsCode, Integer recordLimit, Integer pageLimit, Integer sliceLimit,
                        List<JsonNode> state) {}

  /** How a test read ended: what it read (its texts still to mask), or why it failed on the way (masked). */
  public sealed interface Outcome {
    record Read(TestRead read, String streamName, SecretMasker masker) implements Outcome {}

    record Failed(String message) implements Outcome {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(BuilderTestReads.class);
  /** Airbyte's bounds and defaults of a test read. */
  private static final int DEFAULT_RECORD_LIMIT = 1000;
  private static final int MAX_RECORD_LIMIT = 10_000;
  private static final int DEFAULT_PAGE_LIMIT = 5;
  private static final int DEFAULT_SLICE_LIMIT = 5;
  private static final int MAX_PAGE_OR_SLICE_LIMIT = 20;
  /** How much of each response body a test read shows. */
  private static final int MAX_BODY_CHARS = 100_000;

  private final BuilderProjectService projects;
  private final ManifestLoader manifests;
  private final Duration timeout;

  public BuilderTestReads(BuilderProjectService projects, ManifestLoader manifests, Duration timeout) {
    this.projects = requireNonNull(projects, "projects is null");
    this.manifests = requireNonNull(manifests, "manifests is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /**
   * Reads the first pages of one stream of the manifest sent (the draft being edited) with the project's testing
   * values, as Airbyte's builder shows them. A manifest that cannot run, a stream it lacks or testing values it
   * refuses are 422s; a read that fails on the way answers what it read, with the failure as an ERROR log line.
   */
  public Outcome readStream(Request request) {
    BuilderProject project = projects.project(request.workspaceId(), request.builderProjectId());
    BuilderProjectService.requireNoComponents(request.customComponentsCode(), "customComponentsCode");
    TestReadLimits limits = new TestReadLimits(
        limit(request.recordLimit(), DEFAULT_RECORD_LIMIT, MAX_RECORD_LIMIT, "recordLimit"),
        limit(request.pageLimit(), DEFAULT_PAGE_LIMIT, MAX_PAGE_OR_SLICE_LIMIT, "pageLimit"),
        limit(request.sliceLimit(), DEFAULT_SLICE_LIMIT, MAX_PAGE_OR_SLICE_LIMIT, "sliceLimit"), MAX_BODY_CHARS);
    List<AirbyteStateMessage> state = state(request.state());
    DeclarativeSource source = DeclarativeManifests.requireRunnable(manifests, request.manifest(), "manifest");
    if (!source.streamNames().contains(request.streamName())) {
      throw new InvalidInputException("streamName", request.streamName(), "The manifest has no stream '%s'; its streams"
          .formatted(request.streamName()) + " are " + source.streamNames());
    }
    JsonNode config = projects.revealedTestingValues(project);
    SecretMasker masker = masker(project, source, config);
    BoundedCall.Result<TestRead> result = BoundedCall.run(
        () -> source.testRead(config, request.streamName(), state, limits), timeout, "test read");
    if (result.succeeded()) {
      return new Outcome.Read(result.value(), request.streamName(), masker);
    }
    if (result.cause() instanceof ConnectorException refused) {
      // The stream is known (checked above), so the interpreter refused the testing values, before any request.
      throw new InvalidInputException("testingValues", null, "The project's testing values do not fit the manifest: "
          + masker.mask(refused.getMessage()));
    }
    LOG.warn("Test read of project {} failed: {}", project.id(), masker.mask(result.failure()));
    return new Outcome.Failed(masker.mask(result.failure()));
  }

  /** The values of every secret in the testing values, as the stored and the manifest's specifications say. */
  private static SecretMasker masker(BuilderProject project, DeclarativeSource source, JsonNode config) {
    List<String> values = new ArrayList<>(SecretPaths.of(source.spec().connectionSpecification()).secretValues(config));
    if (project.testingValues() != null) {
      values.addAll(SecretPaths.of(project.testingValues().connectionSpecification()).secretValues(config));
    }
    return SecretMasker.of(values);
  }

  private static int limit(Integer value, int absent, int max, String property) {
    if (value == null) {
      return absent;
    }
    if (value < 1 || value > max) {
      throw new InvalidInputException(property, value, "'%s' must be 1 to %d, not %d".formatted(property, max, value));
    }
    return value;
  }

  /** Airbyte state messages to start from; a 422 naming the first that is not a whole one. */
  private static List<AirbyteStateMessage> state(List<JsonNode> messages) {
    if (messages == null) {
      return List.of();
    }
    List<AirbyteStateMessage> state = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      try {
        AirbyteStateMessage message = Json.convert(messages.get(i), AirbyteStateMessage.class);
        boolean whole = message != null && message.type() != null && switch (message.type()) {
          case STREAM -> message.stream() != null && message.stream().streamDescriptor() != null;
          case GLOBAL -> message.global() != null && message.global().streamStates() != null;
          case LEGACY -> message.data() != null;
        };
        if (!whole) {
          throw new IllegalArgumentException("not a whole state message");
        }
        state.add(message);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("state[" + i + "]", null,
            "'state[%d]' must be an Airbyte state message ({\"type\": \"STREAM\", \"stream\": {...}})".formatted(i));
      }
    }
    return state;
  }
}
