package dev.gale.protocol;

/**
 * The shape of a state message: per stream, global (one shared part plus per-stream parts, for sources that read
 * all streams from one log), or legacy (one opaque blob).
 */
public enum AirbyteStateType {
  GLOBAL, STREAM, LEGACY
}
