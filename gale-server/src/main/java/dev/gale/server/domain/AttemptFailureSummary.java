package dev.gale.server.domain;

import dev.gale.server.http.Required;
import java.util.List;

/**
 * Why an attempt failed, as stored with it and as the Config API shows it (Airbyte's {@code AttemptFailureSummary}).
 *
 * @param partialSuccess whether the attempt committed records before it failed
 */
public record AttemptFailureSummary(@Required List<AttemptFailureReason> failures, Boolean partialSuccess) {}
