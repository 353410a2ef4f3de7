package dev.gale.connectors.declarative.auth;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.Map;

/** A token written in the manifest, usually {@code {{ config['api_key'] }}}. */
public record TemplateToken(Template token) implements TokenSource {
  @Override
  public String token(Run run) {
    return token.evalString(run, Map.of());
  }
}
