package dev.gale.connector;

/**
 * A connector that data goes to. Its {@link #descriptor()} has kind {@link ConnectorDescriptor.Kind#DESTINATION},
 * its {@link #capabilities()} name the destination sync modes it applies, and its {@link #spec()} lists the same
 * modes as {@code supported_destination_sync_modes}.
 */
public interface Destination extends Connector {}
