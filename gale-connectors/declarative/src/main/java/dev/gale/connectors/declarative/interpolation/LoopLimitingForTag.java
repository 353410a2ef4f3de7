package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jinjava's {@code for}, charging each loop's iterations to the evaluation's budget before it runs: loops nested over
 * large lists would otherwise run for minutes while printing nothing that the output limit could catch.
 */
final class LoopLimitingForTag extends ForTag {
  private static final long serialVersionUID = 1L;

  @Override
  public String renderForCollection(TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars,
      Object collection) {
    SandboxInterpreter.current().chargeLoop(switch (collection) {
      case Collection<?> c -> c.size();
      case Map<?, ?> m -> m.size();
      case CharSequence s -> s.length();
      case null -> 0;
      default -> 1;
    });
    return super.renderForCollection(tagNode, interpreter, loopVars, collection);
  }
}
