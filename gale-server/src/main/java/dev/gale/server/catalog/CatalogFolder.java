package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A connector catalog on disk, in the layout of Airbyte's repository: one folder per connector holding its
 * {@code manifest.yaml} and {@code metadata.yaml} (and an {@code icon.svg} when it has one). Only manifest-only
 * sources run from it; every other folder is refused with the reason, never an error of the whole catalog.
 */
public final class CatalogFolder {
  public static final String MANIFEST = "manifest.yaml";
  public static final String METADATA = "metadata.yaml";
  private static final String ICON = "icon.svg";
  /** An icon is SVG text shown in lists; anything this large is no icon. */
  private static final long MAX_ICON_BYTES = 256 * 1024;
  private static final YAMLMapper YAML = new YAMLMapper();

  private CatalogFolder() {}

  /**
   * Every connector folder directly under {@code root}, by folder name; nothing when {@code root} does not exist.
   *
   * @throws UncheckedIOException when {@code root} exists but cannot be listed
   */
  public static List<CatalogEntry> scan(Path root, ManifestLoader loader) {
    requireNonNull(root, "root is null");
    requireNonNull(loader, "loader is null");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> folders;
    try (Stream<Path> listed = Files.list(root)) {
      folders = listed.filter(Files::isDirectory)
          .filter(folder -> !folder.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the connector catalog " + root, e);
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (Path folder : folders) {
      entries.add(read(folder, loader));
    }
    return entries;
  }

  /** Whether a folder is one connector's (it has a manifest or metadata) rather than a folder of them. */
  public static boolean isConnectorFolder(Path folder) {
    return Files.isRegularFile(folder.resolve(MANIFEST)) || Files.isRegularFile(folder.resolve(METADATA));
  }

  /** What one connector folder holds; never throws for what is in it. */
  public static CatalogEntry read(Path folder, ManifestLoader loader) {
    requireNonNull(folder, "folder is null");
    requireNonNull(loader, "loader is null");
    if (!Files.isRegularFile(folder.resolve(METADATA))) {
      return new CatalogEntry.Refused(folder, null, "no " + METADATA + " (Airbyte's connector layout has "
          + MANIFEST + " and " + METADATA + " in each connector's folder)");
    }
    ConnectorMetadata metadata;
    try {
      metadata = ConnectorMetadata.of(YAML.readTree(folder.resolve(METADATA).toFile()));
    } catch (IOException e) {
      return new CatalogEntry.Refused(folder, null, METADATA + " cannot be read: " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return new CatalogEntry.Refused(folder, null, e.getMessage());
    }
    if (!metadata.connectorType().equals("source")) {
      return new CatalogEntry.Refused(folder, metadata, "a " + metadata.connectorType()
          + " connector; only sources run from manifests");
    }
    if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
      return new CatalogEntry.Refused(folder, metadata, "no " + MANIFEST
          + ": not a manifest-only source, and Gale runs no connector images");
    }
    try {
      JsonNode manifest = Manifests.parse(Files.readString(folder.resolve(MANIFEST), StandardCharsets.UTF_8));
      ConnectorDescriptor descriptor = metadata.descriptor(icon(folder, metadata),
          manifest.path("spec").path("documentation_url").asText(null));
      DeclarativeSource source = loader.load(descriptor, manifest);
      return new CatalogEntry.Loaded(folder, source);
    } catch (ManifestException e) {
      return new CatalogEntry.Refused(folder, metadata, MANIFEST + ": " + e.getMessage());
    } catch (IOException e) {
      return new CatalogEntry.Refused(folder, metadata, MANIFEST + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * The SVG of the folder's {@code icon.svg}, or of the file its metadata names; null when there is none or it
   * cannot be read (a connector runs without its icon).
   */
  private static String icon(Path folder, ConnectorMetadata metadata) {
    Path icon = folder.resolve(ICON);
    if (!Files.isRegularFile(icon) && metadata.iconFile() != null) {
      Path named = folder.resolve(metadata.iconFile()).normalize();
      icon = named.startsWith(folder) ? named : icon;
    }
    try {
      return Files.isRegularFile(icon) && Files.size(icon) <= MAX_ICON_BYTES
          ? Files.readString(icon, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
