package dev.gale.connectors.declarative.testing;

import dev.gale.connectors.declarative.interpolation.Interpolation;

/** The interpolation the tests run with. */
public final class TestInterpolations {
  private TestInterpolations() {}

  public static Interpolation get() {
    return new FakeInterpolation();
  }
}
