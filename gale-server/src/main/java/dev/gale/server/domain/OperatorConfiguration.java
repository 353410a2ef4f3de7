package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.http.Required;
import java.util.UUID;

/**
 * One operator, as an operation stores it and as the Config API reads and writes it (Airbyte's
 * {@code OperatorConfiguration}): the part named by {@code operatorType} is the one that counts; the others are
 * dropped.
 */
public record OperatorConfiguration(@Required OperatorType operatorType, OperatorNormalization normalization,
                                    OperatorDbt dbt, OperatorWebhook webhook) {

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
}
