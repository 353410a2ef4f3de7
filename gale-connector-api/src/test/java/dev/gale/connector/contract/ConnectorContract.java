package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector passes. A connector's test extends {@link SourceContract} or
 * {@link DestinationContract} and supplies the connector and two configurations; the tests here hold for both kinds.
 */
public abstract class ConnectorContract {
  private static final String IMAGE_REPOSITORY =
      "[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)+";
  private static final String IMAGE_TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
  private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";
  // Airbyte's form annotations (airbyte_secret, order, ...) are not draft 7 keywords; they are allowed, not checked.
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft7())
      .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword)).build());

  /** The connector under test. */
  protected abstract Connector connector();

  /** A configuration {@code check} accepts. */
  protected abstract JsonNode validConfig();

  /**
   * A configuration {@code check} rejects. Where the spec declares secrets, give them values, so that the contract
   * can see that none of them shows up in the failure message.
   */
  protected abstract JsonNode invalidConfig();

  /** Where Gale finds the connector: the built-ins, unless a test registers it differently. */
  protected ConnectorRegistry registry() {
    return ConnectorRegistry.builtIns();
  }

  @Test
  void descriptorIsComplete() {
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(descriptor.name()).isNotBlank();
    assertThat(descriptor.dockerRepository()).matches(IMAGE_REPOSITORY);
    assertThat(descriptor.dockerImageTag()).matches(IMAGE_TAG);
    URI documentation = URI.create(descriptor.documentationUrl());
    assertThat(documentation.isAbsolute()).as("documentation URL is absolute").isTrue();
    assertThat(documentation.getScheme()).isIn("https", "http");
    if (descriptor.icon() != null) {
      assertThat(descriptor.icon()).contains("<svg").contains("</svg>");
    }
  }

  @Test
  void specIsAValidJsonSchemaObject() {
    JsonNode schema = connector().spec().connectionSpecification();

    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("properties").isObject()).as("connectionSpecification has properties").isTrue();
    assertThat(SCHEMAS.getSchema(SchemaLocation.of(DRAFT_7)).validate(schema))
        .as("violations of the draft 7 meta-schema").isEmpty();
  }

  @Test
  void secretsAreDeclaredOnlyOnStrings() {
    assertThat(SecretDeclarations.secretsNotOnStrings(connector().spec().connectionSpecification())).isEmpty();
  }

  @Test
  void validConfigConformsToTheSpec() {
    assertThat(SCHEMAS.getSchema(connector().spec().connectionSpecification()).validate(validConfig())).isEmpty();
  }

  @Test
  void validConfigChecksSucceeded() {
    AirbyteConnectionStatus status = connector().check(validConfig());

    assertThat(status.status()).as("status, message: %s", status.message())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
  }

  @Test
  void invalidConfigChecksFailedWithAMessageWithoutSecrets() {
    AirbyteConnectionStatus status = connector().check(invalidConfig());

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).isNotBlank();
    assertNoSecretIn(status.message(), invalidConfig());
  }

  @Test
  void checkAnswersInsteadOfThrowingForAnEmptyOrNonObjectConfig() {
    for (JsonNode config : List.of(Json.object(), Json.parse("[]"), Json.parse("null"))) {
      assertThatCode(() -> connector().check(config)).as("check(%s)", config).doesNotThrowAnyException();
    }
  }

  @Test
  void concurrentChecksOfDifferentConfigsDoNotInfluenceEachOther() throws Exception {
    List<Future<AirbyteConnectionStatus>> valid = new ArrayList<>();
    List<Future<AirbyteConnectionStatus>> invalid = new ArrayList<>();
    try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 8; i++) {
        valid.add(executor.submit(() -> connector().check(validConfig())));
        invalid.add(executor.submit(() -> connector().check(invalidConfig())));
      }
      for (Future<AirbyteConnectionStatus> status : valid) {
        assertThat(status.get().status()).as(status.get().message()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
      }
      for (Future<AirbyteConnectionStatus> status : invalid) {
        assertThat(status.get().status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      }
    }
  }

  @Test
  void checkLeavesTheConfigUnchanged() {
    JsonNode valid = validConfig();
    JsonNode invalid = invalidConfig();
    JsonNode validCopy = valid.deepCopy();
    JsonNode invalidCopy = invalid.deepCopy();

    connector().check(valid);
    connector().check(invalid);

    assertThat(valid).isEqualTo(validCopy);
    assertThat(invalid).isEqualTo(invalidCopy);
  }

  @Test
  void registryFindsTheConnectorByIdAndDockerRepository() {
    ConnectorRegistry registry = registry();
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(registry.find(descriptor.definitionId())).get().isInstanceOf(connector().getClass());
    assertThat(registry.findByDockerRepository(descriptor.dockerRepository())).get()
        .isInstanceOf(connector().getClass());
  }

  /** Fails when {@code text} contains any secret value of {@code config}. */
  protected final void assertNoSecretIn(String text, JsonNode config) {
    List<String> secrets = SecretDeclarations.secretValues(connector().spec().connectionSpecification(), config);
    for (String secret : secrets) {
      assertThat(text).as("text shown to the user").doesNotContain(secret);
    }
  }
}
