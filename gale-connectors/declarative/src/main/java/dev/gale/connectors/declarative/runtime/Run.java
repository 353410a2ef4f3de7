package dev.gale.connectors.declarative.runtime;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.config.Secrets;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything one call (check, discover, read, test read) works with: its configuration, the template engine, the HTTP
 * transport, clock and sleeper, where log lines go, the secrets to mask, and what authenticators learn along the way
 * (access and session tokens), which lives exactly as long as the call. Components are immutable and shared by all
 * calls; whatever a call changes lives here.
 */
public final class Run {
  private final Map<String, Object> config;
  private final Interpolation interpolation;
  private final HttpTransport transport;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RunLog log;
  private final Secrets secrets;
  private final ExchangeListener exchanges;
  private final RetryBudget retryBudget;
  private final Map<Object, Object> memory = new ConcurrentHashMap<>();

  public Run(Map<String, Object> config, Interpolation interpolation, HttpTransport transport, Sleeper sleeper,
             Clock clock, RunLog log, Secrets secrets, ExchangeListener exchanges) {
    this(config, interpolation, transport, sleeper, clock, log, secrets, exchanges, RetryBudget.AIRBYTE);
  }

  public Run(Map<String, Object> config, Interpolation interpolation, HttpTransport transport, Sleeper sleeper,
             Clock clock, RunLog log, Secrets secrets, ExchangeListener exchanges, RetryBudget retryBudget) {
    this.config = requireNonNull(config, "config is null");
    this.interpolation = requireNonNull(interpolation, "interpolation is null");
    this.transport = requireNonNull(transport, "transport is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.log = requireNonNull(log, "log is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.exchanges = requireNonNull(exchanges, "exchanges is null");
    this.retryBudget = requireNonNull(retryBudget, "retryBudget is null");
  }

  public Map<String, Object> config() {
    return config;
  }

  public Interpolation interpolation() {
    return interpolation;
  }

  public HttpTransport transport() {
    return transport;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Clock clock() {
    return clock;
  }

  public Secrets secrets() {
    return secrets;
  }

  public ExchangeListener exchanges() {
    return exchanges;
  }

  /** How long one request may take, its retries included. */
  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /** Logs {@code message} with every secret masked. */
  public void log(LogLevel level, String message) {
    log.log(level, secrets.mask(message));
  }

  /**
   * What the component {@code owner} keeps for this call (a token holder), created on first use. Keyed by identity
   * of the owner, so two components never share.
   */
  @SuppressWarnings("unchecked")
  public <T> T memory(Object owner, Function<Object, T> create) {
    return (T) memory.computeIfAbsent(new Identity(owner), key -> create.apply(owner));
  }

  private record Identity(Object owner) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.owner == owner;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(owner);
    }
  }
}
