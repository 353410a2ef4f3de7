package dev.gale.connector.data;

/**
 * The types a record's values have between connectors, after Airbyte's well-known types. Each type has exactly one
 * Java representation, so readers and writers never guess:
 *
 * <table>
 *   <caption>Java values by type</caption>
 *   <tr><th>type</th><th>Java value</th></tr>
 *   <tr><td>{@link #STRING}</td><td>{@link String}</td></tr>
 *   <tr><td>{@link #BOOLEAN}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>{@link #INTEGER}</td><td>{@link Long}, or {@link java.math.BigInteger} beyond 64 bits</td></tr>
 *   <tr><td>{@link #NUMBER}</td><td>{@link Double} or {@link java.math.BigDecimal} (exact decimals)</td></tr>
 *   <tr><td>{@link #DATE}</td><td>{@link java.time.LocalDate}</td></tr>
 *   <tr><td>{@link #TIMESTAMP_WITH_TIMEZONE}</td><td>{@link java.time.OffsetDateTime}</td></tr>
 *   <tr><td>{@link #TIMESTAMP_WITHOUT_TIMEZONE}</td><td>{@link java.time.LocalDateTime}</td></tr>
 *   <tr><td>{@link #TIME_WITH_TIMEZONE}</td><td>{@link java.time.OffsetTime}</td></tr>
 *   <tr><td>{@link #TIME_WITHOUT_TIMEZONE}</td><td>{@link java.time.LocalTime}</td></tr>
 *   <tr><td>{@link #BINARY}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@link #JSON}</td><td>{@link String} holding JSON text (objects, arrays, anything without a type)</td></tr>
 * </table>
 * Any value may be {@code null}.
 */
public enum ValueType {
  STRING, BOOLEAN, INTEGER, NUMBER, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE,
  TIME_WITHOUT_TIMEZONE, BINARY, JSON
}
