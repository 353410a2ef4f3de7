package dev.gale.connectors.declarative.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.requester.HttpRequester;
import dev.gale.connectors.declarative.runtime.HttpCall;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connector.config.Secrets;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a test read: a stream read within limits, recording every page's exchange and each slice's state. */
public final class TestReader {
  private final TestReadLimits limits;
  private final List<TestRead.Slice> slices = new ArrayList<>();
  private final List<TestRead.Exchange> auxiliary = new ArrayList<>();
  private final List<TestRead.LogLine> logs = new ArrayList<>();
  private List<TestRead.Page> pages = new ArrayList<>();
  private int records;
  private boolean limitReached;
  private Secrets secrets = Secrets.none();

  public TestReader(TestReadLimits limits) {
    this.limits = limits;
  }

  /** Where the run's log lines go (INFO and above are kept). */
  public void log(LogLevel level, String message) {
    if (level != LogLevel.DEBUG) {
      synchronized (logs) {
        logs.add(new TestRead.LogLine(level.name(), message));
      }
    }
  }

  /** Where the run's auxiliary exchanges go. */
  public void auxiliary(String title, HttpResult result) {
    synchronized (auxiliary) {
      auxiliary.add(new TestRead.Exchange(title, request(result.call()), response(result)));
    }
  }

  public TestRead read(Run run, DeclarativeStream stream, Map<String, Object> state) throws InterruptedException {
    this.secrets = run.secrets();
    try {
      new StreamReading(run).read(stream, state, new ReadListener() {
        @Override
        public boolean page(StreamSlice slice, HttpResult response, List<Map<String, Object>> found) {
          List<JsonNode> kept = new ArrayList<>();
          for (Map<String, Object> record : found) {
            if (records >= limits.maxRecords()) {
              limitReached = true;
              break;
            }
            kept.add(JsonValues.toNode(record));
            records++;
          }
          pages.add(new TestRead.Page(kept, request(response.call()), response(response)));
          if (records >= limits.maxRecords() || pages.size() >= limits.maxPagesPerSlice()) {
            limitReached = true;
            return false;
          }
          return true;
        }

        @Override
        public boolean sliceDone(StreamSlice slice, Map<String, Object> sliceState) {
          slices.add(new TestRead.Slice(JsonValues.toNode(slice.asMap()), pages,
              sliceState == null ? null : JsonValues.toNode(sliceState)));
          pages = new ArrayList<>();
          if (records >= limits.maxRecords() || slices.size() >= limits.maxSlices()) {
            limitReached = true;
            return false;
          }
          return true;
        }
      });
    } catch (ConnectorException e) {
      log(LogLevel.ERROR, run.secrets().mask(e.getMessage()));
      if (!pages.isEmpty()) {
        slices.add(new TestRead.Slice(null, pages, null));
      }
    }
    return new TestRead(slices, auxiliary, logs, limitReached);
  }

  private TestRead.Request request(HttpCall call) {
    Map<String, String> headers = new LinkedHashMap<>();
    call.headers().forEach((name, value) -> headers.put(name, masked(name, value)));
    String body = call.body().length == 0 ? null : secrets.mask(new String(call.body(), StandardCharsets.UTF_8));
    return new TestRead.Request(call.method(), secrets.mask(call.url()), headers, body);
  }

  private TestRead.Response response(HttpResult result) {
    Map<String, String> headers = new LinkedHashMap<>();
    result.headers().forEach((name, values) -> headers.put(name, masked(name, String.join(", ", values))));
    String body = result.text();
    if (body.length() > limits.maxBodyChars()) {
      body = body.substring(0, limits.maxBodyChars());
    }
    return new TestRead.Response(result.status(), headers, secrets.mask(body));
  }

  private String masked(String header, String value) {
    return HttpRequester.SENSITIVE_HEADERS.contains(header.toLowerCase(Locale.ROOT)) ? "****"
        : secrets.mask(value);
  }
}
