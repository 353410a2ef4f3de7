package dev.gale.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The state a sync resumes from and the states it commits, folded into what the next sync needs: the latest state
 * per stream, or the latest global or legacy state. A state of another type than the ones held replaces them all
 * (the source changed how it keeps state). Streams this sync did not read keep their state. Thread-safe: the engine
 * commits from its own thread.
 *
 * <p>The file holds a JSON array of Airbyte state messages, the form connectors take with {@code --state}; a single
 * message is read as well.
 */
final class CommittedState {
  private final Map<Object, AirbyteStateMessage> byKey = new LinkedHashMap<>();
  private int committed;

  private CommittedState() {}

  static CommittedState empty() {
    return new CommittedState();
  }

  /** The state in {@code file}; empty when the file does not exist yet. */
  static CommittedState read(CommandLine commandLine, Path file) {
    CommittedState state = new CommittedState();
    if (!Files.exists(file)) {
      return state;
    }
    try {
      JsonNode node = Json.mapper().readTree(Files.readAllBytes(file));
      List<JsonNode> messages = new ArrayList<>();
      if (node != null && node.isArray()) {
        node.forEach(messages::add);
      } else if (node != null && node.isObject()) {
        messages.add(node);
      } else {
        throw new ParameterException(commandLine, "--state: " + file + " holds neither a state message nor an array of them");
      }
      for (JsonNode message : messages) {
        state.fold(Json.mapper().treeToValue(message, AirbyteStateMessage.class));
      }
      return state;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ParameterException(commandLine, "--state: " + file + " holds no valid state messages: "
          + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
    } catch (IOException e) {
      throw new ParameterException(commandLine, "--state: cannot read " + file + ": " + e);
    }
  }

  /** Folds in a state the destination made durable. */
  synchronized void commit(AirbyteStateMessage state) {
    fold(state);
    committed++;
  }

  /** How many states were committed since this sync started. */
  synchronized int committedCount() {
    return committed;
  }

  synchronized List<AirbyteStateMessage> messages() {
    return List.copyOf(byKey.values());
  }

  /** Replaces {@code file} with the folded state, atomically: a crash leaves the old file or the new one. */
  void write(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      try {
        Files.write(temporary, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(messages()));
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state to " + file, e);
    }
  }

  private void fold(AirbyteStateMessage state) {
    AirbyteStateType held = byKey.isEmpty() ? state.type() : byKey.values().iterator().next().type();
    if (held != state.type()) {
      byKey.clear();
    }
    Object key = state.type() == AirbyteStateType.STREAM ? state.stream().streamDescriptor() : state.type();
    byKey.put(key, state);
  }
}
