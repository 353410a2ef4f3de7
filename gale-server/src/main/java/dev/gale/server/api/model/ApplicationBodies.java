package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import dev.gale.server.service.application.ApplicationCredentials;
import java.util.List;

/** The Public API's application and token bodies, under Airbyte's names. */
public final class ApplicationBodies {
  private ApplicationBodies() {}

  public record ApplicationCreate(@Required @MaxLength(TEXT) String name) {}

  /**
   * Airbyte's ApplicationRead requires the secret, so reads carry it as Airbyte's do: generated clients reject a read
   * without it.
   *
   * @param createdAt seconds since the epoch
   */
  public record ApplicationRead(@Required String id, @Required String name, @Required String clientId,
                                @Required String clientSecret, @Required Long createdAt) {
    public static ApplicationRead of(ApplicationCredentials application) {
      return new ApplicationRead(application.id().toString(), application.name(), application.clientId(),
          application.clientSecret(), application.createdAt().getEpochSecond());
    }

    @Override
    public String toString() {
      return "ApplicationRead[id=" + id + ", name=" + name + ", clientId=" + clientId + ", clientSecret=**********]";
    }
  }

  public record ApplicationReadList(@Required List<ApplicationRead> applications) {}

  /** Airbyte's document spells the grant type {@code grant-type}; OAuth clients send {@code grant_type}. */
  public record TokenRequest(@Required @JsonProperty("client_id") String clientId,
                             @Required @JsonProperty("client_secret") String clientSecret,
                             @JsonProperty("grant_type") @JsonAlias("grant-type") String grantType) {
    @Override
    public String toString() {
      return "TokenRequest[clientId=" + clientId + ", clientSecret=**********]";
    }
  }

  public record AccessToken(@Required @JsonProperty("access_token") String accessToken,
                            @Required @JsonProperty("token_type") String tokenType,
                            @Required @JsonProperty("expires_in") Long expiresIn) {
    @Override
    public String toString() {
      return "AccessToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
  }
}
