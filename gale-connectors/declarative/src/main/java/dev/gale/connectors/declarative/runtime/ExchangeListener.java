package dev.gale.connectors.declarative.runtime;

/**
 * Told of every HTTP exchange a read makes besides the pages of the stream (token refreshes, logins), for test reads
 * that show them as auxiliary requests.
 */
@FunctionalInterface
public interface ExchangeListener {
  ExchangeListener NONE = (title, result) -> {};

  void auxiliary(String title, HttpResult result);
}
