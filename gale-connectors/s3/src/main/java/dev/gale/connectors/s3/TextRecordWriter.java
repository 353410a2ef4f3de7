package dev.gale.connectors.s3;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gale.connector.data.Column;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * JSON Lines and CSV as Airbyte's destination-s3 writes them. JSONL: one object per line with Airbyte's columns and
 * either {@code _airbyte_data} holding the record or, flattened, the record's fields beside them. CSV: a header, then
 * Airbyte's columns ({@code _airbyte_extracted_at} in epoch milliseconds, {@code _airbyte_meta} as JSON) and either
 * {@code _airbyte_data} as JSON or one column per field; quoted as RFC 4180 says.
 */
final class TextRecordWriter implements RecordFileWriter {
  private static final List<String> AIRBYTE_COLUMNS =
      List.of("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta", "_airbyte_generation_id");

  private final OutputFormat.Text format;
  private final List<Column> columns;
  private final AirbyteMeta meta;
  private final MultipartObject object;
  private final GZIPOutputStream gzip;
  private final JsonGenerator json;
  private final StringWriter cell = new StringWriter();

  TextRecordWriter(OutputFormat.Text format, List<Column> columns, AirbyteMeta meta, MultipartObject object)
      throws IOException {
    this.format = format;
    this.columns = columns;
    this.meta = meta;
    this.object = object;
    this.gzip = format.gzip() ? new GZIPOutputStream(object, 1 << 16) : null;
    OutputStream out = gzip != null ? gzip : object;
    this.json = Json.mapper().getFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setRootValueSeparator(null);
    if (format.kind() == OutputFormat.Text.Kind.CSV) {
      writeHeader();
    }
  }

  @Override
  public void write(Row row) throws IOException {
    if (format.kind() == OutputFormat.Text.Kind.JSONL) {
      json.writeStartObject();
      json.writeStringField("_airbyte_raw_id", row.rawId());
      json.writeNumberField("_airbyte_extracted_at", row.extractedAtMillis());
      json.writeFieldName("_airbyte_meta");
      json.writeRawValue(meta.json());
      json.writeNumberField("_airbyte_generation_id", meta.generationId());
      if (format.flatten()) {
        JsonText.writeFields(json, columns, row.values());
      } else {
        json.writeFieldName("_airbyte_data");
        json.writeStartObject();
        JsonText.writeFields(json, columns, row.values());
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeRaw('\n');
      return;
    }
    StringBuilder line = new StringBuilder(256);
    line.append(row.rawId()).append(',').append(row.extractedAtMillis()).append(',')
        .append(quoted(meta.json())).append(',').append(meta.generationId());
    if (format.flatten()) {
      for (int i = 0; i < columns.size(); i++) {
        line.append(',').append(csvCell(columns.get(i), row.values()[i]));
      }
    } else {
      line.append(',').append(quoted(dataJson(row.values())));
    }
    json.writeRaw(line.append("\r\n").toString());
  }

  @Override
  public long size() {
    return object.size();
  }

  @Override
  public void finish() throws IOException {
    json.flush();
    if (gzip != null) {
      gzip.finish();
    }
    object.finish();
  }

  @Override
  public void abort() {
    object.abort();
  }

  private void writeHeader() throws IOException {
    StringBuilder header = new StringBuilder(String.join(",", AIRBYTE_COLUMNS));
    if (format.flatten()) {
      columns.forEach(column -> header.append(',').append(quotedIfNeeded(column.name())));
    } else {
      header.append(",_airbyte_data");
    }
    json.writeRaw(header.append("\r\n").toString());
  }

  private static String csvCell(Column column, Object value) {
    return switch (value) {
      case null -> "";
      case String text -> quotedIfNeeded(text);
      case Double number -> number.toString();
      case Long number -> number.toString();
      case Boolean bool -> bool.toString();
      default -> quotedIfNeeded(JsonText.text(value));
    };
  }

  private String dataJson(Object[] values) throws IOException {
    cell.getBuffer().setLength(0);
    try (JsonGenerator data = Json.mapper().getFactory().createGenerator(cell)) {
      data.writeStartObject();
      JsonText.writeFields(data, columns, values);
      data.writeEndObject();
    }
    return cell.toString();
  }

  private static String quotedIfNeeded(String text) {
    boolean needs = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return needs ? quoted(text) : text;
  }

  private static String quoted(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
