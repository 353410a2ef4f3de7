package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet's types as stream columns, from the file's own schema (no inference): its logical types say which values
 * are strings, dates, timestamps and decimals. Gale reads flat files: a nested (group or repeated) column is refused
 * by name rather than dropped.
 */
final class ParquetColumns {
  private ParquetColumns() {}

  static List<FileColumn> of(MessageType schema, String file) {
    List<FileColumn> columns = new ArrayList<>();
    for (Type field : schema.getFields()) {
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
        throw new ConnectorException("Parquet column " + field.getName() + " of " + file + " is nested (a group or "
            + "a list); Gale reads flat Parquet files only");
      }
      columns.add(new FileColumn(field.getName(), typeOf(field.asPrimitiveType(), file)));
    }
    return columns;
  }

  private static ColumnType typeOf(PrimitiveType field, String file) {
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation) {
      return ColumnType.NUMBER;
    }
    return switch (field.getPrimitiveTypeName()) {
      case BOOLEAN -> ColumnType.BOOLEAN;
      case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? ColumnType.DATE
          : logical instanceof TimeLogicalTypeAnnotation ? ColumnType.STRING : ColumnType.INTEGER;
      case INT64 -> logical instanceof TimestampLogicalTypeAnnotation timestamp
          ? (timestamp.isAdjustedToUTC() ? ColumnType.TIMESTAMP_WITH_TIMEZONE : ColumnType.TIMESTAMP_WITHOUT_TIMEZONE)
          : logical instanceof TimeLogicalTypeAnnotation ? ColumnType.STRING : ColumnType.INTEGER;
      case FLOAT, DOUBLE -> ColumnType.NUMBER;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> logical == null ? ColumnType.BINARY : ColumnType.STRING;
      case INT96 -> throw new ConnectorException("Parquet column " + field.getName() + " of " + file + " is an "
          + "INT96 timestamp, which Gale does not read; write it as a TIMESTAMP");
    };
  }

  /** The value of column {@code index} of a record, as the column's {@link ColumnType} wants it. */
  static Object value(Group record, int index, PrimitiveType field, ColumnType type) {
    if (record.getFieldRepetitionCount(index) == 0) {
      return null;
    }
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      BigInteger unscaled = switch (field.getPrimitiveTypeName()) {
        case INT32 -> BigInteger.valueOf(record.getInteger(index, 0));
        case INT64 -> BigInteger.valueOf(record.getLong(index, 0));
        default -> new BigInteger(record.getBinary(index, 0).getBytes());
      };
      return new BigDecimal(unscaled, decimal.getScale());
    }
    return switch (field.getPrimitiveTypeName()) {
      case BOOLEAN -> record.getBoolean(index, 0);
      case INT32 -> type == ColumnType.DATE ? LocalDate.ofEpochDay(record.getInteger(index, 0))
          : type == ColumnType.STRING ? time(record.getInteger(index, 0), TimeUnit.MILLIS).toString()
          : (Object) (long) record.getInteger(index, 0);
      case INT64 -> int64(record.getLong(index, 0), logical, type);
      case FLOAT -> (double) record.getFloat(index, 0);
      case DOUBLE -> record.getDouble(index, 0);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(record.getBinary(index, 0), logical);
      case INT96 -> throw new IllegalStateException("INT96 columns are refused when the columns are read");
    };
  }

  private static Object int64(long value, LogicalTypeAnnotation logical, ColumnType type) {
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      Instant instant = instant(value, timestamp.getUnit());
      return type == ColumnType.TIMESTAMP_WITH_TIMEZONE ? instant.atOffset(ZoneOffset.UTC)
          : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (logical instanceof TimeLogicalTypeAnnotation time) {
      return time(value, time.getUnit()).toString();
    }
    return value;
  }

  private static Object binary(Binary value, LogicalTypeAnnotation logical) {
    if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      ByteBuffer bytes = value.toByteBuffer();
      return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
    return logical == null ? value.getBytes() : value.toStringUsingUTF8();
  }

  private static Instant instant(long value, TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> Instant.ofEpochMilli(value);
      case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
      case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    };
  }

  private static LocalTime time(long value, TimeUnit unit) {
    return LocalTime.ofNanoOfDay(switch (unit) {
      case MILLIS -> value * 1_000_000L;
      case MICROS -> value * 1000L;
      case NANOS -> value;
    });
  }
}
