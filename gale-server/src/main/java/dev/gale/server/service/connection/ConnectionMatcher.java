package dev.gale.server.service.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.definition.DefinitionService;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a connection matches a {@link ConnectionCriteria}: every criterion given must equal the connection's value,
 * including those on its source and destination. Texts match exactly; a blank text is no criterion, as in Airbyte.
 */
record ConnectionMatcher(ConnectionCriteria search, DefinitionService definitions) {

  boolean matches(Connection c, Actor source, Actor destination) {
    var s = search;
    return given(s.connectionId(), c.id()) && givenText(s.name(), c.name())
        && given(s.namespaceDefinition(), c.namespaceDefinition())
        // Airbyte's web app sends the text "null" for an unset format; it means no criterion there too.
        && (givenText(s.namespaceFormat(), c.namespaceFormat()) || "null".equals(s.namespaceFormat()))
        && givenText(s.prefix(), c.prefix()) && given(s.sourceId(), c.sourceId())
        && given(s.destinationId(), c.destinationId()) && given(s.schedule(), ConnectionSchedules.legacy(c))
        && given(s.scheduleType(), c.scheduleType()) && given(s.scheduleData(), ConnectionSchedules.data(c))
        && given(s.status(), c.status())
        && (s.source() == null || actorMatches(source, s.source()))
        && (s.destination() == null || actorMatches(destination, s.destination()));
  }

  private boolean actorMatches(Actor actor, ActorService.Criteria criteria) {
    if (!(given(criteria.definitionId(), actor.actorDefinitionId()) && given(criteria.actorId(), actor.id())
        && given(criteria.workspaceId(), actor.workspaceId()) && givenText(criteria.name(), actor.name()))) {
      return false;
    }
    String definitionName = criteria.definitionName();
    JsonNode configuration = criteria.configuration();
    // Configurations are objects: only an object with properties to compare is a criterion.
    boolean anyConfiguration = configuration == null || !configuration.isObject() || configuration.isEmpty();
    if (isBlank(definitionName) && anyConfiguration) {
      return true;
    }
    DefinitionWithVersion definition = definitions.resolve(actor.actorType(), actor.actorDefinitionId());
    return givenText(definitionName, definition.definition().name())
        && (anyConfiguration || configurationMatches(configuration, definition, actor.configuration()));
  }

  /** Each property searched for equals the stored one as responses show it: a secret only ever matches its mask. */
  private boolean configurationMatches(JsonNode wanted, DefinitionWithVersion definition, JsonNode stored) {
    JsonNode shown = SecretPaths.of(definitions.spec(definition).connectionSpecification()).mask(stored);
    for (Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().equals(shown.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static <T> boolean given(T wanted, T actual) {
    return wanted == null || wanted.equals(actual);
  }

  private static boolean givenText(String wanted, String actual) {
    return isBlank(wanted) || wanted.equals(actual);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
