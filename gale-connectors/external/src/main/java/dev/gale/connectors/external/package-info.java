/**
 * External connectors: any program that speaks the Airbyte Protocol on stdio, run as a Gale source or destination.
 *
 * <p>{@link dev.gale.connectors.external.ExternalSource} and {@link dev.gale.connectors.external.ExternalDestination}
 * implement the connector SPI for one {@link dev.gale.connectors.external.ExternalCommand}; the engine drives them
 * as it drives built-in connectors. Each call runs the program once ({@code ConnectorProcess}): its files are private
 * and removed afterwards, its stdout is decoded line by line ({@code LineReader}, {@code MessageDecoder}), records
 * are typed into batches on arrival ({@code RecordDecoder}, {@code SourceReading}) or encoded from batches
 * ({@code RecordEncoder}), and its whole process tree is stopped on cancel, on a no-message timeout and on close.
 *
 * <p>A destination's echoed STATE is its acknowledgement: {@code ExternalWriter} sends a state of Gale's own at each
 * flush, and the engine commits the source states that flush covered once it is echoed, whenever the destination
 * echoes (some only at the end of their input).
 *
 * <p>A connector is a local program or a Docker image ({@link dev.gale.connectors.external.Launch}); an image runs
 * through {@code docker run} ({@code DockerRun}) with the private files mounted read-only, and its container is
 * stopped by name, as killing the {@code docker} command line would leave it running.
 *
 * <p>{@link dev.gale.connectors.external.ExternalLaunches} finds how an image Gale does not ship runs: a command the
 * operator configured, {@code source-xyz} on the PATH, or Docker.
 *
 * <p>ESTIMATE and STREAM_STATUS traces and CONTROL configuration updates of a sync's connectors reach the engine
 * through {@link dev.gale.connector.data.SyncEvents} ({@code EventMessages}); a state's record counts are checked
 * against Gale's own ({@code SourceReading}, {@code ExternalWriter}).
 *
 * <p>Not yet here: CONTROL messages sent during {@code check} or {@code discover} (they are logged at DEBUG and
 * ignored: the SPI's {@code check} and {@code discover} know no actor to save a configuration to); other TRACE types
 * (ANALYTICS) and unknown message types, also DEBUG and ignored.
 */
package dev.gale.connectors.external;
