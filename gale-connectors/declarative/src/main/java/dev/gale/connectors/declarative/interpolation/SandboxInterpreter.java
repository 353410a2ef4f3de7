package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.time.Clock;

/**
 * The interpreter of one evaluation: it carries what macros and tags need beyond Jinjava's own state, the clock
 * that {@code now_utc()} reads and what is left of the evaluation's budget of loop iterations.
 */
final class SandboxInterpreter extends JinjavaInterpreter {
  private final Clock clock;
  private long loopIterationsLeft;

  SandboxInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, Clock clock, long maxLoopIterations) {
    super(jinjava, context, config);
    this.clock = clock;
    this.loopIterationsLeft = maxLoopIterations;
  }

  /** The interpreter rendering on this thread; macros and filters run only inside one. */
  static SandboxInterpreter current() {
    if (JinjavaInterpreter.getCurrent() instanceof SandboxInterpreter interpreter) {
      return interpreter;
    }
    throw new IllegalStateException("no template is being evaluated on this thread");
  }

  Clock clock() {
    return clock;
  }

  /** Counts loop iterations against the budget, so that nested loops over large data cannot run for long. */
  void chargeLoop(long iterations) {
    loopIterationsLeft -= iterations;
    if (loopIterationsLeft < 0) {
      throw new InterpolationException("the template runs too many loop iterations");
    }
  }
}
