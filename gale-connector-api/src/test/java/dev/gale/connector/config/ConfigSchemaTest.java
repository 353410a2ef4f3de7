package dev.gale.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
  static final ConfigField<String> HOST = ConfigField.string("host").title("Host").required().order(0)
      .examples(List.of("db.example.com")).build();
  static final ConfigField<Long> PORT = ConfigField.integer("port").title("Port").description("TCP port.")
      .defaultValue(5432L).minimum(1).maximum(65535).order(1).build();
  static final ConfigField<String> PASSWORD = ConfigField.string("password").title("Password").secret().order(2)
      .allowedValues(List.of("hunter2-only", "also-fine")).build();
  static final ConfigField<Double> RATIO = ConfigField.number("ratio").minimum(0).maximum(1).build();
  static final ConfigField<Boolean> SSL = ConfigField.bool("ssl").defaultValue(true).build();

  static final ConfigField<String> TUNNEL_TYPE = ConfigField.string("tunnel_method").constant("SSH_KEY").required()
      .build();
  static final ConfigField<String> SSH_KEY = ConfigField.string("ssh_key").title("SSH key").secret().required().build();
  static final ConfigSchema SSH_OPTION = ConfigSchema.of("SSH Key Authentication", TUNNEL_TYPE, SSH_KEY);
  static final ConfigField<String> NO_TUNNEL_TYPE = ConfigField.string("tunnel_method").constant("NO_TUNNEL").build();
  static final ConfigSchema NO_TUNNEL_OPTION = ConfigSchema.of("No Tunnel", NO_TUNNEL_TYPE);
  static final ConfigField<ConfigValues> TUNNEL = ConfigField.oneOf("tunnel", "tunnel_method",
      List.of(NO_TUNNEL_OPTION, SSH_OPTION)).title("SSH Tunnel").build();

  static final ConfigField<Long> TIMEOUT = ConfigField.integer("timeout_seconds").defaultValue(30L).build();
  static final ConfigField<ConfigValues> ADVANCED = ConfigField.object("advanced", ConfigSchema.of("Advanced", TIMEOUT))
      .title("Advanced").build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("Test Spec", HOST, PORT, PASSWORD, RATIO, SSL, TUNNEL, ADVANCED);

  @Test
  void writesJsonSchemaWithAirbyteAnnotations() {
    JsonNode schema = SCHEMA.toJsonSchema();

    assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(schema.get("type").asText()).isEqualTo("object");
    assertThat(schema.get("required")).isEqualTo(Json.parse("[\"host\"]"));
    assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
    assertThat(schema.at("/properties/host")).isEqualTo(Json.parse("""
        {"title":"Host","type":"string","examples":["db.example.com"],"order":0}"""));
    assertThat(schema.at("/properties/port")).isEqualTo(Json.parse("""
        {"title":"Port","description":"TCP port.","type":"integer","default":5432,"minimum":1,"maximum":65535,
         "order":1}"""));
    assertThat(schema.at("/properties/password")).isEqualTo(Json.parse("""
        {"title":"Password","type":"string","enum":["hunter2-only","also-fine"],"airbyte_secret":true,"order":2}"""));
    assertThat(schema.at("/properties/ssl/default").asBoolean()).isTrue();
  }

  @Test
  void writesOneOfWithConstantDiscriminators() {
    JsonNode tunnel = SCHEMA.toJsonSchema().at("/properties/tunnel");

    assertThat(tunnel.get("type").asText()).isEqualTo("object");
    assertThat(tunnel.at("/oneOf/1")).isEqualTo(Json.parse("""
        {"title":"SSH Key Authentication","type":"object","required":["tunnel_method","ssh_key"],
         "properties":{"tunnel_method":{"type":"string","default":"SSH_KEY","const":"SSH_KEY"},
                       "ssh_key":{"title":"SSH key","type":"string","airbyte_secret":true}}}"""));
    assertThat(SCHEMA.toJsonSchema().at("/properties/advanced/properties/timeout_seconds/default").asLong())
        .isEqualTo(30);
  }

  @Test
  void readsTypedValuesAndFillsDefaults() {
    ConfigValues values = SCHEMA.read(Json.parse("""
        {"host":"db","ratio":0.5,"tunnel":{"tunnel_method":"SSH_KEY","ssh_key":"KEY"},"advanced":{},"extra":1}"""));

    assertThat(values.get(HOST)).isEqualTo("db");
    assertThat(values.get(PORT)).isEqualTo(5432L);
    assertThat(values.get(RATIO)).isEqualTo(0.5);
    assertThat(values.get(SSL)).isTrue();
    assertThat(values.find(PASSWORD)).isEmpty();
    ConfigValues tunnel = values.get(TUNNEL);
    assertThat(tunnel.schema()).isEqualTo(SSH_OPTION);
    assertThat(tunnel.get(SSH_KEY)).isEqualTo("KEY");
    assertThat(values.get(ADVANCED).get(TIMEOUT)).isEqualTo(30L);
  }

  @Test
  void stringListsAreArraysOfStringsWithADefault() {
    ConfigField<List<String>> schemas = ConfigField.stringList("schemas").defaultValue(List.of("public")).build();
    ConfigSchema schema = ConfigSchema.of("Lists", schemas);

    assertThat(schema.toJsonSchema().at("/properties/schemas")).isEqualTo(Json.parse("""
        {"type":"array","items":{"type":"string"},"default":["public"]}"""));
    assertThat(schema.read(Json.object()).get(schemas)).containsExactly("public");
    assertThat(schema.read(Json.parse("{\"schemas\":[\"a\",\"b\"]}")).get(schemas)).containsExactly("a", "b");
    assertThatThrownBy(() -> schema.read(Json.parse("{\"schemas\":[\"a\",1]}")))
        .hasMessageContaining("schemas must be an array of strings, got [\"a\",1]");
  }

  @Test
  void readsIntegralNumbersWrittenWithAFraction() {
    assertThat(SCHEMA.read(Json.parse("{\"host\":\"db\",\"port\":5433.0}")).get(PORT)).isEqualTo(5433L);
  }

  @Test
  void oneOfWithoutDiscriminatorValueIsRejectedWhenOptionsAreSeveral() {
    assertThatThrownBy(() -> SCHEMA.read(Json.parse("{\"host\":\"db\",\"tunnel\":{}}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tunnel.tunnel_method must be one of [NO_TUNNEL, SSH_KEY]");
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    assertThatThrownBy(() -> SCHEMA.read(Json.parse("""
        {"port":0,"ratio":"high","ssl":"yes","tunnel":{"tunnel_method":"SSH_KEY"},"advanced":{"timeout_seconds":1.5}}""")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "host is required",
            "port must be at least 1, got 0",
            "ratio must be a number, got \"high\"",
            "ssl must be true or false, got \"yes\"",
            "tunnel.ssh_key is required",
            "advanced.timeout_seconds must be an integer, got 1.5"));
  }

  @Test
  void neverShowsASecretValueInAProblem() {
    String secret = "s3cr3t-Value";
    assertThatThrownBy(() -> SCHEMA.read(Json.parse("""
        {"host":"db","password":"%s","tunnel":{"tunnel_method":"SSH_KEY","ssh_key":42}}""".formatted(secret))))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).containsExactly(
              "password must be one of [hunter2-only, also-fine]",
              "tunnel.ssh_key must be a string");
          assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("42");
        });
  }

  @Test
  void rejectsAConfigurationThatIsNotAnObject() {
    assertThatThrownBy(() -> SCHEMA.read(Json.parse("[]"))).hasMessage(
        "Invalid configuration: the configuration must be a JSON object");
    assertThatThrownBy(() -> SCHEMA.read(null)).isInstanceOf(ConfigException.class);
  }

  @Test
  void toStringMasksSecrets() {
    ConfigValues values = SCHEMA.read(Json.parse("{\"host\":\"db\",\"password\":\"also-fine\"}"));

    assertThat(values.toString()).contains("host=db").contains("password=**********").doesNotContain("also-fine");
  }

  @Test
  void getOfAFieldFromAnotherSchemaIsAProgrammingError() {
    ConfigValues values = SCHEMA.read(Json.parse("{\"host\":\"db\"}"));

    assertThatThrownBy(() -> values.get(SSH_KEY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> values.get(PASSWORD)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsDeclarationsThatCannotWork() {
    assertThatThrownBy(() -> ConfigField.integer("n").secret().build()).hasMessageContaining("only string");
    assertThatThrownBy(() -> ConfigField.string("s").minimum(1).build()).hasMessageContaining("numbers only");
    assertThatThrownBy(() -> ConfigSchema.of("Twice", HOST, HOST)).hasMessageContaining("declared twice");
    assertThatThrownBy(() -> ConfigField.object("o", ConfigSchema.of("O", HOST))
        .defaultValue(SCHEMA.read(Json.parse("{\"host\":\"h\"}"))).build())
        .hasMessageContaining("take their defaults from their own fields");
    assertThatThrownBy(() -> ConfigField.oneOf("t", "kind", List.of(ConfigSchema.of("No kind", HOST))).build())
        .hasMessageContaining("lacks the discriminator");
    assertThatThrownBy(() -> ConfigField.oneOf("t", "tunnel_method", List.of(SSH_OPTION, SSH_OPTION)).build())
        .hasMessageContaining("share discriminator value SSH_KEY");
  }
}
