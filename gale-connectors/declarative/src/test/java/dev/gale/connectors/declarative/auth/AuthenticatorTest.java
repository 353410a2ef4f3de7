package dev.gale.connectors.declarative.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestManifests;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each authenticator, as the requests it makes show it. */
class AuthenticatorTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private static String stream(String authenticator, String paginator) {
    return TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
            authenticator:
        %s
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: [data]
        %s
        """.formatted(authenticator.indent(6).stripTrailing(), paginator.indent(2).stripTrailing()),
        """
        client_id: {type: string}
        client_secret: {type: string, airbyte_secret: true}
        refresh_token: {type: string, airbyte_secret: true}
        username: {type: string}
        password: {type: string, airbyte_secret: true}
        credentials: {type: object}
        """);
  }

  private static final String TWO_PAGES = """
      paginator:
        type: DefaultPaginator
        page_token_option:
          type: RequestOption
          inject_into: request_parameter
          field_name: page
        pagination_strategy:
          type: CursorPagination
          cursor_value: "{{ response.next }}"
      """;

  private ObjectNode config() {
    return Json.object().put("base_url", api.url()).put("api_key", "key-987654").put("client_id", "client-1")
        .put("client_secret", "secret-555555").put("refresh_token", "refresh-777777").put("username", "ada")
        .put("password", "pass-424242");
  }

  private TestRead read(String authenticator, String paginator, ObjectNode config) throws Exception {
    TestRead read = TestSources.load(stream(authenticator, paginator)).testRead(config, "items", List.of(),
        TestReadLimits.DEFAULT);
    assertThat(read.logs()).noneMatch(line -> line.level().equals("ERROR"));
    return read;
  }

  @Test
  void apiKeyInTheOlderHeaderField() throws Exception {
    api.json("{\"data\": []}");

    read("""
        type: ApiKeyAuthenticator
        header: X-Auth
        api_token: "Token {{ config['api_key'] }}"
        """, "", config());

    assertThat(api.take().getHeaders().get("X-Auth")).isEqualTo("Token key-987654");
  }

  @Test
  void apiKeyAsAQueryParameter() throws Exception {
    api.json("{\"data\": []}");

    TestRead read = read("""
        type: ApiKeyAuthenticator
        api_token: "{{ config['api_key'] }}"
        inject_into:
          type: RequestOption
          inject_into: request_parameter
          field_name: apikey
        """, "", config());

    assertThat(api.take().getUrl().queryParameter("apikey")).isEqualTo("key-987654");
    assertThat(read.slices().getFirst().pages().getFirst().request().url()).doesNotContain("key-987654")
        .contains("apikey=****");
  }

  @Test
  void bearer() throws Exception {
    api.json("{\"data\": []}");

    read("""
        type: BearerAuthenticator
        api_token: "{{ config['api_key'] }}"
        """, "", config());

    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer key-987654");
  }

  @Test
  void aTokenIsMaskedEvenWhenTheSpecDoesNotMarkItsProperty() throws Exception {
    api.json("{\"data\": []}");

    TestRead read = read("""
        type: ApiKeyAuthenticator
        api_token: "{{ config['username'] }}-token"
        inject_into:
          type: RequestOption
          inject_into: request_parameter
          field_name: token
        """, "", config());

    assertThat(api.take().getUrl().queryParameter("token")).isEqualTo("ada-token");
    assertThat(read.slices().getFirst().pages().getFirst().request().url()).contains("token=****")
        .doesNotContain("ada-token");
  }

  @Test
  void basic() throws Exception {
    api.json("{\"data\": []}");

    read("""
        type: BasicHttpAuthenticator
        username: "{{ config['username'] }}"
        password: "{{ config['password'] }}"
        """, "", config());

    String expected = Base64.getEncoder().encodeToString("ada:pass-424242".getBytes(StandardCharsets.UTF_8));
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void sessionTokenLogsInOnceAndSendsTheToken() throws Exception {
    api.json("{\"session\": {\"token\": \"sess-111111\"}}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"data\": [{\"id\": 2}]}");

    TestRead read = read("""
        type: SessionTokenAuthenticator
        login_requester:
          type: HttpRequester
          url_base: "{{ config['base_url'] }}"
          path: login
          http_method: POST
          request_body_json:
            username: "{{ config['username'] }}"
            password: "{{ config['password'] }}"
        session_token_path: [session, token]
        expiration_duration: PT1H
        request_authentication:
          type: ApiKey
          inject_into:
            type: RequestOption
            inject_into: header
            field_name: X-Session
        """, TWO_PAGES, config());

    RecordedRequest login = api.take();
    assertThat(login.getUrl().encodedPath()).isEqualTo("/login");
    assertThat(Json.parse(login.getBody().utf8()).get("password").asText()).isEqualTo("pass-424242");
    assertThat(api.take().getHeaders().get("X-Session")).isEqualTo("sess-111111");
    assertThat(api.take().getHeaders().get("X-Session")).isEqualTo("sess-111111");
    assertThat(read.records()).hasSize(2);
    assertThat(read.auxiliaryRequests()).extracting(TestRead.Exchange::title).containsExactly("Login request");
    assertThat(read.auxiliaryRequests().getFirst().request().body()).doesNotContain("pass-424242");
    assertThat(read.auxiliaryRequests().getFirst().response().body()).doesNotContain("sess-111111");
  }

  @Test
  void oauthRefreshesOnceAndSendsTheAccessToken() throws Exception {
    api.json("{\"access_token\": \"access-222222\", \"expires_in\": 3600}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"data\": [{\"id\": 2}]}");

    read("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/oauth/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        refresh_request_body:
          audience: items-api
        """, TWO_PAGES, config());

    RecordedRequest refresh = api.take();
    assertThat(refresh.getMethod()).isEqualTo("POST");
    assertThat(refresh.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(refresh.getBody().utf8()).isEqualTo("grant_type=refresh_token&client_id=client-1"
        + "&client_secret=secret-555555&refresh_token=refresh-777777&audience=items-api");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-222222");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-222222");
    assertThat(api.requestCount()).isEqualTo(3);
  }

  @Test
  void oauthClientCredentialsSendNoRefreshToken() throws Exception {
    api.json("{\"data\": {\"token\": \"access-333333\"}}");
    api.json("{\"data\": []}");

    read("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        grant_type: client_credentials
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        access_token_name: token
        """, "", config());

    assertThat(api.take().getBody().utf8()).isEqualTo("grant_type=client_credentials&client_id=client-1"
        + "&client_secret=secret-555555");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-333333");
  }

  @Test
  void oauthRefreshesAgainWhenTheTokenExpires() throws Exception {
    api.json("{\"access_token\": \"first-token-1\", \"expires_in\": 0}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"access_token\": \"second-token-2\", \"expires_in\": 0}");
    api.json("{\"data\": []}");

    read("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        """, TWO_PAGES, config());

    api.take();
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer first-token-1");
    api.take();
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer second-token-2");
  }

  @Test
  void oauthExpiryAsADateInItsFormatAndArgumentsInTheQuery() throws Exception {
    // The test clock stands at 2024-03-10T12:00:00Z: the first token expires then, the second a day later.
    api.json("{\"access_token\": \"first-token-1\", \"expires_at\": \"2024-03-10 12:00:00\"}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"access_token\": \"second-token-2\", \"expires_at\": \"2024-03-11 12:00:00\"}");
    api.json("{\"data\": [{\"id\": 2}], \"next\": \"3\"}");
    api.json("{\"data\": []}");

    read("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        expires_in_name: expires_at
        token_expiry_date_format: "%Y-%m-%d %H:%M:%S"
        send_refresh_request_as_query_params: true
        """, TWO_PAGES, config());

    RecordedRequest refresh = api.take();
    assertThat(refresh.getUrl().queryParameter("refresh_token")).isEqualTo("refresh-777777");
    assertThat(refresh.getBodySize()).isZero();
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer first-token-1");
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/token");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer second-token-2");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer second-token-2");
  }

  // The CDK remembers a session token only together with its expiry time: without expiration_duration it logs in
  // again for every request, so each page here carries the token of its own login.
  @Test
  void sessionTokenWithoutExpirationLogsInBeforeEveryRequest() throws Exception {
    api.json("{\"token\": \"sess-first1\"}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"token\": \"sess-second\"}");
    api.json("{\"data\": [{\"id\": 2}]}");

    TestRead read = read("""
        type: SessionTokenAuthenticator
        login_requester:
          type: HttpRequester
          url_base: "{{ config['base_url'] }}"
          path: session
          http_method: POST
        session_token_path: [token]
        request_authentication:
          type: ApiKey
          inject_into:
            type: RequestOption
            inject_into: header
            field_name: X-Session
        """, TWO_PAGES, config());

    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/session");
    assertThat(api.take().getHeaders().get("X-Session")).isEqualTo("sess-first1");
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/session");
    assertThat(api.take().getHeaders().get("X-Session")).isEqualTo("sess-second");
    assertThat(read.records()).hasSize(2);
    assertThat(read.auxiliaryRequests()).extracting(TestRead.Exchange::title)
        .containsExactly("Login request", "Login request");
  }

  @Test
  void sessionTokenAsBearerLogsInAgainWhenItExpires() throws Exception {
    api.json("{\"token\": \"sess-aaaaaa\"}");
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"2\"}");
    api.json("{\"token\": \"sess-bbbbbb\"}");
    api.json("{\"data\": []}");

    read("""
        type: SessionTokenAuthenticator
        login_requester:
          type: HttpRequester
          url_base: "{{ config['base_url'] }}"
          path: session
          authenticator:
            type: BasicHttpAuthenticator
            username: "{{ config['username'] }}"
            password: "{{ config['password'] }}"
        session_token_path: [token]
        expiration_duration: PT0S
        request_authentication:
          type: Bearer
        """, TWO_PAGES, config());

    assertThat(api.take().getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer sess-aaaaaa");
    api.take();
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer sess-bbbbbb");
  }

  @Test
  void aRejectedTokenIsRefreshedWhenTheManifestSaysSo() throws Exception {
    api.json("{\"access_token\": \"stale-token-1\", \"expires_in\": 3600}");
    api.respond(401, "{\"message\": \"token revoked\"}");
    api.json("{\"access_token\": \"fresh-token-2\", \"expires_in\": 3600}");
    api.json("{\"data\": [{\"id\": 1}]}");
    String manifest = stream("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        """, "").replaceFirst("(?m)^( *)path: items$", """
        $1path: items
        $1error_handler:
        $1  type: DefaultErrorHandler
        $1  response_filters:
        $1    - type: HttpResponseFilter
        $1      action: REFRESH_TOKEN_THEN_RETRY
        $1      http_codes: [401]""".strip());

    TestRead read = TestSources.load(manifest).testRead(config(), "items", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.records()).hasSize(1);
    api.take();
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer stale-token-1");
    assertThat(api.take().getUrl().encodedPath()).isEqualTo("/token");
    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer fresh-token-2");
  }

  @Test
  void oauthTokenStillValidInTheConfigIsUsedWithoutRefresh() throws Exception {
    api.json("{\"data\": []}");

    read("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        access_token_value: "{{ config['api_key'] }}"
        token_expiry_date: "2099-01-01T00:00:00Z"
        """, "", config());

    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer key-987654");
    assertThat(api.requestCount()).isEqualTo(1);
  }

  @Test
  void anInvalidGrantSaysToReauthenticate() throws Exception {
    api.respond(400, "{\"error\": \"invalid_grant\"}");

    TestRead read = TestSources.load(stream("""
        type: OAuthAuthenticator
        token_refresh_endpoint: "{{ config['base_url'] }}/token"
        client_id: "{{ config['client_id'] }}"
        client_secret: "{{ config['client_secret'] }}"
        refresh_token: "{{ config['refresh_token'] }}"
        refresh_token_error_status_codes: [400]
        refresh_token_error_key: error
        refresh_token_error_values: [invalid_grant]
        """, "")).testRead(config(), "items", List.of(), TestReadLimits.DEFAULT);

    assertThat(read.logs()).anyMatch(line -> line.message().contains("re-authenticate"));
  }

  @Test
  void selectiveAuthenticatorFollowsTheConfig() throws Exception {
    api.json("{\"data\": []}");
    ObjectNode config = config();
    config.putObject("credentials").put("auth_type", "token");

    read("""
        type: SelectiveAuthenticator
        authenticator_selection_path: [credentials, auth_type]
        authenticators:
          token:
            type: BearerAuthenticator
            api_token: "{{ config['api_key'] }}"
          basic:
            type: BasicHttpAuthenticator
            username: "{{ config['username'] }}"
        """, "", config);

    assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer key-987654");
  }
}
