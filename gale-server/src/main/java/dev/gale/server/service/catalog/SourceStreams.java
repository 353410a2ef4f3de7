package dev.gale.server.service.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a source has, as its discovered catalog says: the reference a connection's streams are checked against before
 * they are stored, by both APIs, so that a stream, cursor or primary key the source does not have is refused when the
 * connection is saved rather than failing its first sync. The discovered schema is the reference, not the one a
 * request carries, which a client may have edited.
 */
public final class SourceStreams {
  /** Up to this many streams are listed by name in an error; a longer list would drown the message. */
  static final int LISTED = 20;

  private final List<AirbyteStream> streams;

  public SourceStreams(AirbyteCatalog discovered) {
    this.streams = discovered.streams().stream().map(AirbyteStreamAndConfiguration::stream).filter(Objects::nonNull).toList();
  }

  /** A field of a stream as a request names it, and where. */
  public record Field(String path, List<String> field) {}

  /**
   * One stream of a request.
   *
   * @param path the property path of its name
   * @param anyNamespace whether a missing namespace stands for any (the Public API names streams by name alone)
   * @param cursor the cursor the sync would use, when it uses one
   * @param primaryKey the primary key fields the sync would use
   */
  public record Requested(String path, String name, String namespace, boolean anyNamespace, Optional<Field> cursor,
                   List<Field> primaryKey) {}

  /** Every stream the source lacks, and every cursor or primary key field its stream's schema lacks. */
  public List<ValidationError> problems(List<Requested> requested) {
    List<ValidationError> errors = new ArrayList<>();
    for (Requested request : requested) {
      List<AirbyteStream> matches = matches(request);
      if (matches.isEmpty()) {
        errors.add(new ValidationError(request.path(), qualified(request.name(), request.namespace()), unknown(request)));
        continue;
      }
      if (matches.size() > 1) {
        continue; // ambiguous by name alone: the caller asks for the namespace
      }
      AirbyteStream stream = matches.getFirst();
      request.cursor().filter(cursor -> !isSourceDefault(stream, cursor.field()))
          .ifPresent(cursor -> checkField(stream, cursor, "cursor field", errors));
      request.primaryKey().forEach(key -> checkField(stream, key, "primary key field", errors));
    }
    return errors;
  }

  /**
   * Whether a JSON schema has the field, as deep as the schema's {@code properties} go: an object schema that does
   * not list its properties is open and may have any.
   */
  static boolean hasField(JsonNode schema, List<String> path) {
    JsonNode node = schema;
    for (String name : path) {
      JsonNode properties = node.get("properties");
      if (properties == null || !properties.isObject()) {
        return mayBeObject(node.get("type"));
      }
      node = properties.get(name);
      if (node == null) {
        return false;
      }
    }
    return true;
  }

  private List<AirbyteStream> matches(Requested request) {
    return streams.stream()
        .filter(stream -> stream.name().equals(request.name()))
        .filter(stream -> Objects.equals(stream.namespace(), request.namespace())
            || request.anyNamespace() && request.namespace() == null)
        .toList();
  }

  private String unknown(Requested request) {
    List<String> sameName = streams.stream().filter(s -> s.name().equals(request.name()))
        .map(s -> qualified(s.name(), s.namespace())).toList();
    String has = !sameName.isEmpty() ? "it has %s in another namespace: %s".formatted(request.name(), sameName)
        : streams.size() <= LISTED ? "its streams are " + streams.stream().map(s -> qualified(s.name(), s.namespace())).toList()
        : "it has %d streams (discover the source to list them)".formatted(streams.size());
    return "The source has no stream '%s'; %s".formatted(qualified(request.name(), request.namespace()), has);
  }

  /** A source-defined cursor may be sent back as the source defines it, even where the schema does not list it. */
  private static boolean isSourceDefault(AirbyteStream stream, List<String> cursor) {
    return Boolean.TRUE.equals(stream.sourceDefinedCursor()) && Objects.equals(stream.defaultCursorField(), cursor);
  }

  private static void checkField(AirbyteStream stream, Field field, String what, List<ValidationError> errors) {
    if (field.field() == null || field.field().isEmpty() || field.field().stream().anyMatch(Objects::isNull)) {
      return; // not a field path at all: the catalog's own rules say so
    }
    if (stream.jsonSchema() != null && !hasField(stream.jsonSchema(), field.field())) {
      errors.add(new ValidationError(field.path(), String.join(".", field.field()),
          "The source's stream '%s' has no field %s; the %s must name one".formatted(
              qualified(stream.name(), stream.namespace()), field.field(), what)));
    }
  }

  private static boolean mayBeObject(JsonNode type) {
    if (type == null) {
      return true;
    }
    for (JsonNode each : type.isArray() ? type : List.of(type)) {
      if ("object".equals(each.asText())) {
        return true;
      }
    }
    return false;
  }

  static String qualified(String name, String namespace) {
    return namespace == null ? name : namespace + "." + name;
  }
}
