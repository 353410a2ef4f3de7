package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.devnull.DevNullDestination;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationRequestTest {

  @Test
  void printsConnectorsAndStreamsButNoConfiguration() {
    ScriptedSource source = new ScriptedSource(ScriptedSource.Script.of(1, 1, 1, "items"));
    ReplicationRequest request = new ReplicationRequest(source, Json.object().put("password", "s3cr3t-source"),
        new DevNullDestination(), Json.object().put("api_key", "s3cr3t-destination"), source.configuredCatalog(),
        StreamMapping.identity(), List.of(), 9);

    assertThat(request.toString()).contains("Scripted (test)", "streams=1", "syncId=9").doesNotContain("s3cr3t");
  }
}
