/**
 * The connector SPI: what a source or destination implements to run inside Gale.
 *
 * <p>A connector is a {@link dev.gale.connector.Source} or a {@link dev.gale.connector.Destination}. Both are a
 * {@link dev.gale.connector.Connector}: they describe themselves ({@link dev.gale.connector.ConnectorDescriptor}),
 * declare what they can do ({@link dev.gale.connector.ConnectorCapabilities}), publish the JSON Schema of their
 * configuration ({@code spec}) and test a configuration ({@code check}). Sources also {@code discover} their streams.
 *
 * <p>Built-in connectors are found with {@link java.util.ServiceLoader}: list the implementation class in
 * {@code META-INF/services/dev.gale.connector.Connector} and give it a public no-argument constructor.
 * {@link dev.gale.connector.ConnectorRegistry} loads them and refuses two with the same definition id.
 *
 * <p>Configuration is declared once, field by field, with {@link dev.gale.connector.config.ConfigField}; the same
 * declarations produce the {@code connectionSpecification} and read a configuration into typed values.
 *
 * <p>Every built-in connector's tests extend the contract suite in this module's test-jar
 * ({@code dev.gale.connector.contract}).
 */
package dev.gale.connector;
