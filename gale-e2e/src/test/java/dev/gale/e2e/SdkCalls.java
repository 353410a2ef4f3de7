package dev.gale.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.http.HttpResponse;

/**
 * Reading the SDK's answers. The Java SDK 0.16.2 never throws on a status: it fills the typed body only when the
 * status is the one its document promised (200 for reads, creates and cancels; 204 for deletes) and the
 * {@code Content-Type} is JSON, and leaves it null otherwise. So every call is checked for its status, and a
 * failure shows what the server really answered.
 */
final class SdkCalls {
  private SdkCalls() {
  }

  /** The typed body of a call that must have answered 200. */
  static <T> T ok(Integer status, HttpResponse<byte[]> raw, T body) {
    expect(200, status, raw);
    if (body == null) {
      throw new AssertionError("The SDK read no body from " + describe(raw));
    }
    return body;
  }

  /** Checks a call's status. */
  static void expect(int expected, Integer status, HttpResponse<byte[]> raw) {
    if (status == null || status != expected) {
      throw new AssertionError("Expected " + expected + " from " + describe(raw));
    }
  }

  static String describe(HttpResponse<byte[]> raw) {
    return raw.request().method() + " " + raw.uri() + " -> " + raw.statusCode() + " "
        + raw.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " " + new String(raw.body(), UTF_8);
  }
}
