package dev.gale.connectors.declarative.testing;

import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.interpolation.JinjavaInterpolation;

/** The interpolation the tests run with: the real one, shared as the server shares it. */
public final class TestInterpolations {
  private static final Interpolation INSTANCE = new JinjavaInterpolation();

  private TestInterpolations() {}

  public static Interpolation get() {
    return INSTANCE;
  }
}
