package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

/**
 * Prints {@code {{ ... }}} values with Python's {@code str()}, so that what the CDK would read back as a literal
 * ({@code True}, {@code ['a', 'b']}, {@code {'k': 1}}) comes out the same. An undefined value prints nothing.
 */
final class PythonOutput implements ExpressionStrategy {
  private static final long serialVersionUID = 1L;

  @Override
  public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
    Object value = interpreter.resolveELExpression(master.getExpr(), master.getLineNumber());
    return new RenderedOutputNode(value == null ? "" : PythonText.str(value));
  }
}
