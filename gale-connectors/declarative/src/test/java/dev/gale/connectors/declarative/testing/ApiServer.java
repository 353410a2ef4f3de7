package dev.gale.connectors.declarative.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** An HTTP API answered in the test JVM: queued responses, recorded requests. */
public final class ApiServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();

  public ApiServer() {
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL, without a trailing slash: {@code http://localhost:1234}. */
  public String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  public ApiServer json(String body, String... headers) {
    return respond(200, body, headers);
  }

  /** Queues a response; headers as {@code "Name: value"}. */
  public ApiServer respond(int status, String body, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    if (body.startsWith("{") || body.startsWith("[")) {
      response.addHeader("Content-Type", "application/json");
    }
    for (String header : headers) {
      response.addHeader(header);
    }
    server.enqueue(response.build());
    return this;
  }

  /** Queues an answer that never comes: the server reads the request and then holds the connection silent. */
  public ApiServer stall() {
    server.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE).build());
    return this;
  }

  /** Queues a JSON body sent gzip-compressed. */
  public ApiServer gzipJson(String body) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
      gzip.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").body(new okio.Buffer().write(bytes.toByteArray())).build());
    return this;
  }

  public RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Every request received so far, in order. */
  public List<RecordedRequest> takeAll() {
    List<RecordedRequest> requests = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
        requests.add(request);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    return requests;
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  /** Answers every request with {@code dispatcher}. */
  public void dispatch(mockwebserver3.Dispatcher dispatcher) {
    server.setDispatcher(dispatcher);
  }

  @Override
  public void close() {
    server.close();
  }
}
