package dev.gale.connectors.declarative.errors;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a number from a response header, with an optional regular expression, and capping a wait. */
final class HeaderWait {
  private HeaderWait() {}

  /** The header's number; with a regex, the text its match at the start of the value covers. */
  static Optional<Double> number(Run run, HttpResult response, Template header, Template regex) {
    Optional<String> value = response.header(header.evalString(run, Map.of()));
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (regex != null) {
      Matcher matcher = Pattern.compile(regex.evalString(run, Map.of())).matcher(text);
      if (matcher.lookingAt()) {
        text = matcher.group();
      }
    }
    return Values.asDouble(text);
  }

  /** Refuses a wait of {@code cap} seconds or more, as the CDK does: the stream stops instead of waiting. */
  static void check(Run run, double seconds, Template cap) {
    if (cap == null) {
      return;
    }
    double limit = Values.asDouble(cap.eval(run, Map.of())).orElseThrow(() ->
        new ConnectorException("max_waiting_time_in_seconds is not a number: " + cap.text()));
    if (seconds >= limit) {
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "The rate limit wait time (" + Math.round(seconds)
          + " s) is longer than the connector is allowed to wait (" + Math.round(limit) + " s).", null);
    }
  }
}
