package dev.gale.connector.contract;

/**
 * Optional abilities of a destination that change what {@link DestinationContract} can check; a destination's test
 * says which it has through {@link DestinationContract#hasBehavior}, as Trino's connector tests do.
 */
public enum DestinationBehavior {
  /** What was written can be read back ({@link DestinationContract#readBack}), so the suite checks the data too. */
  READ_BACK
}
