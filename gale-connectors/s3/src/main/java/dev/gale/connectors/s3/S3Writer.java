package dev.gale.connectors.s3;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One sync into S3. Objects are written at their final keys; an overwrite removes the stream's earlier objects only
 * in {@link #complete}, after all new ones are written, and a sync that ends without completing deletes the objects
 * no flush acknowledged (all of an overwrite's), so readers never see half of a new set.
 */
final class S3Writer implements DestinationWriter {
  private final S3Client s3;
  private final S3Config config;
  private final ObjectKeys keys;
  private final WriteContext context;
  private final Map<StreamDescriptor, StreamLanes> streams = new LinkedHashMap<>();
  private long records;
  private boolean completed;

  S3Writer(S3Client s3, S3Config config, ObjectKeys keys, WriteContext context) {
    this.s3 = s3;
    this.config = config;
    this.keys = keys;
    this.context = context;
  }

  void add(StreamLanes stream) {
    streams.put(stream.stream(), stream);
  }

  @Override
  public void write(RecordBatch batch) throws IOException {
    StreamLanes stream = streams.get(batch.schema().stream());
    if (stream == null) {
      throw new ConnectorException("stream " + batch.schema().stream() + " is not in the configured catalog");
    }
    stream.write(batch);
    records += batch.size();
  }

  @Override
  public void flush() throws IOException {
    for (StreamLanes stream : streams.values()) {
      stream.finishObjects();
    }
    // Only now, all streams' objects complete, do they count as acknowledged.
    streams.values().forEach(StreamLanes::acknowledge);
  }

  @Override
  public void complete() throws IOException {
    flush();
    int replaced = 0;
    for (StreamLanes stream : streams.values()) {
      if (stream.overwrite()) {
        replaced += deleteEarlierObjects(stream);
      }
    }
    completed = true;
    context.log().accept(LogLevel.INFO, "Wrote " + records + " records to s3://" + config.bucket() + "/"
        + config.bucketPath() + (replaced > 0 ? "; removed " + replaced + " objects of earlier syncs" : ""));
  }

  @Override
  public void close() {
    try {
      if (!completed) {
        List<String> abandoned = new ArrayList<>();
        for (StreamLanes stream : streams.values()) {
          abandoned.addAll(stream.abandon());
        }
        delete(abandoned);
      }
    } finally {
      s3.close();
    }
  }

  private int deleteEarlierObjects(StreamLanes stream) {
    Set<String> kept = new HashSet<>(stream.written());
    String prefix = keys.streamPrefix(stream.stream());
    if (!prefix.contains(stream.stream().name())) {
      // A path format that puts the sync's time before the stream name gives no prefix of this stream alone:
      // deleting under it would take other streams' objects too.
      context.log().accept(LogLevel.WARN, "Overwrite of " + stream.stream() + " keeps earlier objects: s3_path_format"
          + " must start with ${NAMESPACE}/${STREAM_NAME} for Gale to find them");
      return 0;
    }
    List<String> earlier = new ArrayList<>();
    for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)
        .encodingType("url")).contents()) {
      if (!kept.contains(object.key())) {
        earlier.add(object.key());
      }
    }
    delete(earlier);
    return earlier.size();
  }

  private void delete(List<String> objectKeys) {
    for (int from = 0; from < objectKeys.size(); from += 1000) {
      List<ObjectIdentifier> batch = objectKeys.subList(from, Math.min(from + 1000, objectKeys.size())).stream()
          .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
      s3.deleteObjects(b -> b.bucket(config.bucket()).delete(d -> d.objects(batch).quiet(true)));
    }
  }
}
