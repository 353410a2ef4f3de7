package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.domain.OperatorType;
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

  /** One operator: the part named by {@code operatorType} is the one that counts; the others are dropped. */
  public record OperatorConfiguration(@Required OperatorType operatorType, OperatorNormalization normalization,
                                      OperatorDbt dbt, OperatorWebhook webhook) {}

  public record OperatorNormalization(NormalizationOption option) {}

  public enum NormalizationOption {
    @JsonProperty("basic") BASIC
  }

  public record OperatorDbt(@Required String gitRepoUrl, String gitRepoBranch, String dockerImage, String dbtArguments) {}

  /**
   * Calls one of the workspace's webhooks ({@code webhookConfigId}): a dbt Cloud job ({@code webhookType: dbtCloud}
   * with {@code dbtCloud}), or any URL ({@code executionUrl}, with {@code executionBody}), the older form.
   */
  public record OperatorWebhook(UUID webhookConfigId, WebhookType webhookType, OperatorWebhookDbtCloud dbtCloud,
                                String executionUrl, String executionBody) {}

  public enum WebhookType {
    @JsonProperty("dbtCloud") DBT_CLOUD
  }

  public record OperatorWebhookDbtCloud(@Required Long accountId, @Required Long jobId) {}

  public record CheckOperationRead(@Required CheckOperationStatus status, String message) {}

  public enum CheckOperationStatus {
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED
  }
}
