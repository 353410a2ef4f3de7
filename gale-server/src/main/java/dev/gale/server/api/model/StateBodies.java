package dev.gale.server.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.domain.StateType;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/**
 * Bodies of {@code /api/v1/state/*}. A connection's state has one of three shapes, named by {@code stateType}: only
 * the field of that shape is set ({@code streamState}, {@code globalState} or the legacy {@code state}), and none
 * for {@code not_set}. The API's {@code ConnectionStateType} has the domain's {@link StateType} values.
 */
public final class StateBodies {
  private StateBodies() {}

  public record ConnectionState(@Required StateType stateType, @Required UUID connectionId, ObjectNode state,
                                List<StreamState> streamState, GlobalState globalState) {}

  public record ConnectionStateCreateOrUpdate(@Required UUID connectionId, @Required ConnectionState connectionState) {}

  public record StreamState(@Required StreamDescriptor streamDescriptor, ObjectNode streamState) {}

  /** {@code shared_state} is snake_case in Airbyte's API, unlike everything around it. */
  public record GlobalState(@JsonProperty("shared_state") ObjectNode sharedState, @Required List<StreamState> streamStates) {}

  public record StreamDescriptor(@Required String name, String namespace) {}
}
