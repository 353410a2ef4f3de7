package dev.gale.server.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/**
 * Stores enums as their wire value (the {@link JsonProperty} on the constant, else the constant's name), so rows read
 * like Airbyte's ({@code 'succeeded'}, {@code 'sync'}) and renaming a Java constant cannot change stored data.
 * Registered on the {@link org.jdbi.v3.core.Jdbi} by {@link Database}, so repositories bind and read enums directly.
 */
final class WireEnums {
  private static final ClassValue<Values> VALUES = new ClassValue<>() {
    @Override
    protected Values computeValue(Class<?> type) {
      return new Values(type);
    }
  };

  private WireEnums() {}

  static String wire(Enum<?> value) {
    return VALUES.get(value.getDeclaringClass()).wireOf.get(value);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    Enum<?> value = VALUES.get(type).byWire.get(wire);
    if (value == null) {
      throw new IllegalStateException("Unknown " + type.getSimpleName() + " in the database: " + wire);
    }
    return type.cast(value);
  }

  private static final class Values {
    final Map<Enum<?>, String> wireOf = new HashMap<>();
    final Map<String, Enum<?>> byWire = new HashMap<>();

    Values(Class<?> type) {
      for (Object constant : type.getEnumConstants()) {
        Enum<?> value = (Enum<?>) constant;
        String wire = value.name();
        try {
          JsonProperty property = type.getField(value.name()).getAnnotation(JsonProperty.class);
          if (property != null && !property.value().isEmpty()) {
            wire = property.value();
          }
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException(e);
        }
        wireOf.put(value, wire);
        byWire.put(wire, value);
      }
    }
  }

  private static Optional<Class<?>> enumClass(Type type) {
    if (type instanceof Class<?> c && Enum.class.isAssignableFrom(c)) {
      // A constant with a body is an anonymous subclass; its declaring enum holds the constants.
      return Optional.of(c.isEnum() ? c : c.getSuperclass());
    }
    return Optional.empty();
  }

  static final class Arguments implements ArgumentFactory.Preparable {
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
      return enumClass(type).map(c -> value -> (position, statement, ctx) -> {
        if (value == null) {
          statement.setNull(position, Types.VARCHAR);
        } else {
          statement.setString(position, wire((Enum<?>) value));
        }
      });
    }
  }

  static final class Mappers implements ColumnMapperFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
      return enumClass(type).map(c -> (ColumnMapper<?>) (r, column, ctx) -> {
        String wire = r.getString(column);
        return wire == null ? null : parse((Class) c, wire);
      });
    }
  }
}
