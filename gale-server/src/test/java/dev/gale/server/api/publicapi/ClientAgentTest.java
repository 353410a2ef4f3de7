package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAgentTest {
  @Test
  void theJavaSdkOfTheOldDocumentIsRecognised() {
    // The Java SDK 0.16.2 sends "speakeasy-sdk/<language> <sdk> <generator> <document>".
    ClientAgent agent = ClientAgent.parse("speakeasy-sdk/java 0.16.2 2.37.2 1.0.0");

    assertThat(agent.knowsOnly2023Enums()).isTrue();
    assertThat(agent.readsStreamsAsObject()).isTrue();
    assertThat(agent.describe()).contains("java SDK 0.x");
  }

  @Test
  void newerAndOtherClientsGetTheCurrentDocument() {
    for (String userAgent : new String[] {"speakeasy-sdk/java 1.2.0 2.400.0 1.0.0 airbyte-api",
        "speakeasy-sdk/python 0.52.2 2.474.15 1.0.0 airbyte-api", "curl/8.5.0", "Python-urllib/3.12", ""}) {
      ClientAgent agent = ClientAgent.parse(userAgent);
      assertThat(agent.knowsOnly2023Enums()).as(userAgent).isFalse();
      assertThat(agent.readsStreamsAsObject()).as(userAgent).isFalse();
    }
  }
}
