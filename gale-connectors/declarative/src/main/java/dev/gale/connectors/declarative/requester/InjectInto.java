package dev.gale.connectors.declarative.requester;

import java.util.Locale;

/** Where a request option goes, as Airbyte's {@code RequestOptionType}. */
public enum InjectInto {
  REQUEST_PARAMETER, HEADER, BODY_DATA, BODY_JSON;

  public static InjectInto of(String manifestValue) {
    return valueOf(manifestValue.toUpperCase(Locale.ROOT));
  }
}
