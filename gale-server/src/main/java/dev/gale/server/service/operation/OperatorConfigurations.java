package dev.gale.server.service.operation;

import dev.gale.server.domain.OperatorConfiguration;
import dev.gale.server.domain.OperatorConfiguration.NormalizationOption;
import dev.gale.server.domain.OperatorConfiguration.OperatorDbt;
import dev.gale.server.domain.OperatorConfiguration.OperatorNormalization;
import dev.gale.server.domain.OperatorConfiguration.OperatorWebhook;
import dev.gale.server.domain.OperatorConfiguration.WebhookType;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What makes an operator configuration runnable: the part its {@code operatorType} names is present and complete.
 * Only that part is kept; Airbyte too stores one operator per operation.
 */
final class OperatorConfigurations {
  static final String ROOT = "operatorConfiguration";
  // URLs git clones (https, ssh, git, file) and the scp-like form git@host:owner/repo.git.
  private static final Pattern GIT_URL = Pattern.compile("^((https?|ssh|git|file)://\\S+|[\\w.-]+@[\\w.-]+:\\S+)$");

  private OperatorConfigurations() {}

  /**
   * Every problem of the configuration, each with its property path under {@code root}.
   *
   * @param webhookConfigExists whether a webhook config id names one of the workspace's webhooks
   */
  static List<ValidationError> problems(OperatorConfiguration config, String root, Predicate<UUID> webhookConfigExists) {
    List<ValidationError> problems = new ArrayList<>();
    switch (config.operatorType()) {
      case NORMALIZATION -> {
        if (config.normalization() == null) {
          problems.add(problem(root + ".normalization", null, "A normalization operation needs 'normalization' {option: basic}"));
        }
      }
      case DBT -> dbt(config.dbt(), root + ".dbt", problems);
      case WEBHOOK -> webhook(config.webhook(), root + ".webhook", webhookConfigExists, problems);
    }
    return problems;
  }

  /** The configuration to store: the operator's own part, with the normalization option defaulted to basic. */
  static OperatorConfiguration normalized(OperatorConfiguration config) {
    return switch (config.operatorType()) {
      case NORMALIZATION ->
          new OperatorConfiguration(config.operatorType(), new OperatorNormalization(NormalizationOption.BASIC), null, null);
      case DBT -> new OperatorConfiguration(config.operatorType(), null, config.dbt(), null);
      case WEBHOOK -> new OperatorConfiguration(config.operatorType(), null, null, config.webhook());
    };
  }

  private static void dbt(OperatorDbt dbt, String path, List<ValidationError> problems) {
    if (dbt == null) {
      problems.add(problem(path, null, "A dbt operation needs 'dbt' with at least its gitRepoUrl"));
    } else if (!GIT_URL.matcher(dbt.gitRepoUrl().strip()).matches()) {
      problems.add(problem(path + ".gitRepoUrl", dbt.gitRepoUrl(),
          "'%s' is not a git repository URL (https://..., ssh://... or git@host:owner/repo.git)".formatted(dbt.gitRepoUrl())));
    }
  }

  private static void webhook(OperatorWebhook webhook, String path, Predicate<UUID> webhookConfigExists,
                              List<ValidationError> problems) {
    if (webhook == null) {
      problems.add(problem(path, null, "A webhook operation needs 'webhook' with its webhookConfigId"));
      return;
    }
    if (webhook.webhookConfigId() == null) {
      problems.add(problem(path + ".webhookConfigId", null,
          "A webhook operation needs the webhookConfigId of one of the workspace's webhooks"));
    } else if (!webhookConfigExists.test(webhook.webhookConfigId())) {
      problems.add(problem(path + ".webhookConfigId", webhook.webhookConfigId(),
          "No webhook config of the workspace has the id " + webhook.webhookConfigId()));
    }
    if (webhook.webhookType() == WebhookType.DBT_CLOUD) {
      if (webhook.dbtCloud() == null) {
        problems.add(problem(path + ".dbtCloud", null, "webhookType dbtCloud needs dbtCloud {accountId, jobId}"));
      }
    } else if (webhook.executionUrl() == null || !isHttpUrl(webhook.executionUrl())) {
      problems.add(problem(path + ".executionUrl", webhook.executionUrl(),
          "A webhook needs webhookType dbtCloud with dbtCloud {accountId, jobId}, or an http(s) executionUrl to call"));
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ValidationError problem(String path, Object value, String message) {
    return new ValidationError(path, value == null ? null : String.valueOf(value), message);
  }
}
