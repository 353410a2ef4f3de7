package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.incremental.Datetimes;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * OAuth 2.0 as Airbyte's {@code OAuthAuthenticator}: {@code Authorization: Bearer <access token>}, the access token
 * obtained from {@code token_refresh_endpoint} (refresh-token grant, client credentials or any {@code grant_type}) and
 * kept in memory for the read until it expires; or, without an endpoint, the {@code access_token_value} as given.
 * A token given in the config with a {@code token_expiry_date} still in the future is used until then.
 */
public record OAuthAuthenticator(Template endpoint, Template accessTokenValue, Template tokenExpiryDate,
                                 TokenRefresh refresh) implements Authenticator {

  public OAuthAuthenticator {
    requireNonNull(refresh, "refresh is null");
  }

  @Override
  public RequestParts parts(Run run) throws InterruptedException {
    RequestParts parts = new RequestParts();
    parts.headers().put("Authorization", "Bearer " + accessToken(run));
    return parts;
  }

  @Override
  public void invalidate(Run run) {
    Holder holder = run.memory(this, owner -> new Holder());
    synchronized (holder) {
      holder.expires = Instant.MIN;
    }
  }

  private String accessToken(Run run) throws InterruptedException {
    Holder holder = run.memory(this, owner -> new Holder());
    synchronized (holder) {
      if (!holder.initialised) {
        holder.initialised = true;
        String given = accessTokenValue == null ? "" : accessTokenValue.evalString(run, Map.of());
        if (!given.isEmpty()) {
          holder.token = given;
          holder.expires = endpoint == null ? Instant.MAX : initialExpiry(run);
          run.secrets().add(given);
        }
      }
      if (holder.token == null || !run.clock().instant().isBefore(holder.expires)) {
        if (endpoint == null) {
          throw new ConnectorException("The OAuth authenticator has neither an access token nor a token endpoint");
        }
        TokenRefresh.Token token = refresh.refresh(run, endpoint.evalString(run, Map.of()));
        holder.token = token.accessToken();
        holder.expires = token.expires();
      }
      return holder.token;
    }
  }

  private Instant initialExpiry(Run run) {
    String text = tokenExpiryDate == null ? "" : tokenExpiryDate.evalString(run, Map.of());
    return Datetimes.parse(text).map(OffsetDateTime::toInstant)
        .orElse(Instant.MIN);
  }

  private static final class Holder {
    private boolean initialised;
    private String token;
    private Instant expires = Instant.MIN;
  }
}
