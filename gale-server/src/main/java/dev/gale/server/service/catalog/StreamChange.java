package dev.gale.server.service.catalog;

import dev.gale.server.domain.SchemaChanges.FieldTransform;
import dev.gale.server.domain.SchemaChanges.StreamTransformType;
import dev.gale.server.domain.StreamDescriptor;
import java.util.List;

/**
 * One stream's change between a connection's catalog and a newly discovered one: one transform of Airbyte's
 * {@code CatalogDiff}.
 *
 * @param fields the top-level fields added, removed or retyped; null unless the stream was updated
 */
public record StreamChange(StreamTransformType type, StreamDescriptor stream, List<FieldTransform> fields) {}
