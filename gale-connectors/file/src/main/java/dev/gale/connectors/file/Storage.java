package dev.gale.connectors.file;

import java.util.Arrays;
import java.util.List;

/** Airbyte's {@code provider.storage} values: where the file is. Gale reads from some; the others are refused. */
enum Storage {
  HTTPS("HTTPS", "HTTPS: Public Web", true),
  GCS("GCS", "GCS: Google Cloud Storage", false),
  S3("S3", "S3: Amazon Web Services", true),
  AZ_BLOB("AzBlob", "AzBlob: Azure Blob Storage", false),
  SSH("SSH", "SSH: Secure Shell", false),
  SCP("SCP", "SCP: Secure copy protocol", false),
  SFTP("SFTP", "SFTP: Secure File Transfer Protocol", false),
  LOCAL("local", "Local Filesystem (limited)", true);

  private final String value;
  private final String title;
  private final boolean supported;

  Storage(String value, String title, boolean supported) {
    this.value = value;
    this.title = title;
    this.supported = supported;
  }

  String value() {
    return value;
  }

  String title() {
    return title;
  }

  boolean supported() {
    return supported;
  }

  static List<String> supportedValues() {
    return Arrays.stream(values()).filter(Storage::supported).map(Storage::value).toList();
  }

  static Storage of(String value) {
    return Arrays.stream(values()).filter(storage -> storage.value.equals(value)).findFirst().orElseThrow();
  }
}
