package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.domain.OperatorConfiguration;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/** Bodies of {@code /api/v1/operations/*}: steps a connection runs after its sync. */
public final class OperationBodies {
  private OperationBodies() {}

  public record OperationCreate(@Required UUID workspaceId, @Required @MaxLength(TEXT) String name,
                                @Required OperatorConfiguration operatorConfiguration) {}

  /** Replaces the name and the configuration; both are required, as in Airbyte. */
  public record OperationUpdate(@Required UUID operationId, @Required @MaxLength(TEXT) String name,
                                @Required OperatorConfiguration operatorConfiguration) {}

  public record OperationRead(@Required UUID workspaceId, @Required UUID operationId, @Required String name,
                              @Required OperatorConfiguration operatorConfiguration) {}

  public record OperationReadList(@Required List<OperationRead> operations) {}

  public record OperationIdRequestBody(@Required UUID operationId) {}

  public record CheckOperationRead(@Required CheckOperationStatus status, String message) {}

  public enum CheckOperationStatus {
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED
  }
}
