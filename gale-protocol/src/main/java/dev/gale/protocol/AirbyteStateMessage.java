package dev.gale.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A checkpoint: once the destination has made every record before it durable, the platform commits this state and a
 * later sync resumes from it. Exactly one of {@code stream}, {@code global} and {@code data} is set, by {@code type}.
 */
public record AirbyteStateMessage(@JsonProperty("type") AirbyteStateType type,
                                  @JsonProperty("stream") AirbyteStreamState stream,
                                  @JsonProperty("global") AirbyteGlobalState global,
                                  @JsonProperty("data") JsonNode data,
                                  @JsonProperty("sourceStats") AirbyteStateStats sourceStats,
                                  @JsonProperty("destinationStats") AirbyteStateStats destinationStats) {
  public AirbyteStateMessage {
    if (type == null) {
      type = stream != null ? AirbyteStateType.STREAM : global != null ? AirbyteStateType.GLOBAL : AirbyteStateType.LEGACY;
    }
    boolean shaped = switch (type) {
      case STREAM -> stream != null;
      case GLOBAL -> global != null;
      case LEGACY -> data != null;
    };
    if (!shaped) {
      throw new IllegalArgumentException("a " + type + " state message needs its " + type.name().toLowerCase() + " part");
    }
  }

  public static AirbyteStateMessage stream(StreamDescriptor stream, JsonNode state) {
    return new AirbyteStateMessage(AirbyteStateType.STREAM, new AirbyteStreamState(stream, state), null, null, null, null);
  }

  public AirbyteStateMessage withSourceStats(long records) {
    return new AirbyteStateMessage(type, stream, global, data, AirbyteStateStats.of(records), destinationStats);
  }
}
