package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.metrics.GaleMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopIT {
  /** The answer of a request that was being handled when the server began to stop. */
  record Slow(String answer) {}

  @Test
  void aStoppingServerFinishesTheRequestsInFlightAndTakesNoNewConnections() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    Router router = new Router().add(new Route<>("GET", "/api/v1/slow", "slow", "Slow", null, Slow.class, true,
        (body, call) -> {
          entered.countDown();
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while answering", e);
          }
          return new Slow("finished");
        }));
    try (GaleMetrics metrics = new GaleMetrics()) {
      ApiServer server = new ApiServer("127.0.0.1", 0, router, List.of(), HttpLimits.DEFAULT, metrics.http());
      server.start();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/slow");
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      long started = System.nanoTime();
      server.close();

      HttpResponse<String> answered = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).contains("finished");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ApiServer.DRAIN);
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }
}
