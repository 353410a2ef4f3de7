package dev.gale.connector.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One configuration property, declared once: the JSON Schema of a connector's configuration and the typed reading of
 * a configuration both come from these declarations (see {@link ConfigSchema}). Build one with the static factories:
 *
 * <pre>{@code
 * static final ConfigField<Long> PORT = ConfigField.integer("port").title("Port")
 *     .description("Port of the database.").required().defaultValue(5432L).minimum(1).maximum(65535).order(1)
 *     .build();
 * static final ConfigField<String> PASSWORD = ConfigField.string("password").title("Password").secret().build();
 * }</pre>
 *
 * @param <T> the Java type a configuration value reads as: {@code String}, {@code Long}, {@code Double},
 *     {@code Boolean}, {@code List<String>} for string lists, or {@link ConfigValues} for objects
 * @param required whether a configuration must give the property; a default or a constant satisfies it when reading
 * @param secret written as {@code airbyte_secret: true}: the value is masked in every response and stored encrypted;
 *     only strings can be secret
 * @param order written as {@code order}: where a form shows the field, or {@code null}
 * @param minimum for numbers, the smallest value allowed, or {@code null}
 * @param maximum for numbers, the largest value allowed, or {@code null}
 * @param allowedValues written as {@code enum}; empty means any value
 * @param constant written as {@code const} (and as the default): the only value allowed, or {@code null}
 * @param options for {@link Type#OBJECT} the one shape of the object; for {@link Type#ONE_OF} the alternatives
 * @param discriminator for {@link Type#ONE_OF}, the property whose constant tells the alternatives apart
 */
public record ConfigField<T>(String name, Type type, String title, String description, boolean required,
                             T defaultValue, boolean secret, Integer order, Number minimum, Number maximum,
                             List<T> allowedValues, T constant, List<T> examples, List<ConfigSchema> options,
                             String discriminator) {

  /** The JSON type of a property. */
  public enum Type {
    STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), OBJECT("object"),
    /** A list of strings ({@code "items": {"type": "string"}}), such as the schemas a database source reads. */
    STRING_LIST("array"),
    /** An object that takes one of several shapes, told apart by a constant discriminator property. */
    ONE_OF("object");

    private final String jsonType;

    Type(String jsonType) {
      this.jsonType = jsonType;
    }

    public String jsonType() {
      return jsonType;
    }

    boolean isNumeric() {
      return this == INTEGER || this == NUMBER;
    }
  }

  public ConfigField {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    examples = List.copyOf(requireNonNull(examples, "examples is null"));
    options = List.copyOf(requireNonNull(options, "options is null"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("a field needs a name");
    }
    if (secret && type != Type.STRING) {
      throw new IllegalArgumentException(name + ": only string fields can be secret");
    }
    if ((minimum != null || maximum != null) && !type.isNumeric()) {
      throw new IllegalArgumentException(name + ": minimum and maximum apply to numbers only");
    }
    if (type == Type.OBJECT && options.size() != 1) {
      throw new IllegalArgumentException(name + ": an object field has exactly one shape");
    }
    if (type != Type.OBJECT && type != Type.ONE_OF && !options.isEmpty()) {
      throw new IllegalArgumentException(name + ": only object fields have shapes");
    }
    boolean isObject = type == Type.OBJECT || type == Type.ONE_OF;
    if (isObject && (defaultValue != null || constant != null || !allowedValues.isEmpty() || !examples.isEmpty())) {
      throw new IllegalArgumentException(name + ": object fields take their defaults from their own fields");
    }
    if ((type == Type.ONE_OF) != (discriminator != null)) {
      throw new IllegalArgumentException(name + ": a one-of field, and only it, has a discriminator");
    }
    if (type == Type.ONE_OF) {
      OneOfOptions.check(name, discriminator, options);
    }
  }

  public static Builder<String> string(String name) {
    return new Builder<>(name, Type.STRING);
  }

  public static Builder<Long> integer(String name) {
    return new Builder<>(name, Type.INTEGER);
  }

  public static Builder<Double> number(String name) {
    return new Builder<>(name, Type.NUMBER);
  }

  public static Builder<Boolean> bool(String name) {
    return new Builder<>(name, Type.BOOLEAN);
  }

  /** A JSON array of strings, read as an unmodifiable {@code List<String>}. */
  public static Builder<List<String>> stringList(String name) {
    return new Builder<>(name, Type.STRING_LIST);
  }

  /** A nested object with one shape. */
  public static Builder<ConfigValues> object(String name, ConfigSchema shape) {
    return new Builder<ConfigValues>(name, Type.OBJECT).options(List.of(requireNonNull(shape, "shape is null")));
  }

  /**
   * An object that takes one of several shapes (JSON Schema {@code oneOf}). Each option declares a string field
   * named {@code discriminator} with a distinct {@link Builder#constant constant}; the value of that property in a
   * configuration selects the option.
   */
  public static Builder<ConfigValues> oneOf(String name, String discriminator, List<ConfigSchema> options) {
    return new Builder<ConfigValues>(name, Type.ONE_OF).options(options)
        .discriminator(requireNonNull(discriminator, "discriminator is null"));
  }

  /** The value a configuration gets when it leaves the property out: the constant, else the default, else null. */
  public T implicitValue() {
    return constant != null ? constant : defaultValue;
  }

  /** Collects a field's attributes; {@link #build()} checks they fit together. */
  public static final class Builder<T> {
    private final String name;
    private final Type type;
    private String title;
    private String description;
    private boolean required;
    private T defaultValue;
    private boolean secret;
    private Integer order;
    private Number minimum;
    private Number maximum;
    private List<T> allowedValues = List.of();
    private T constant;
    private List<T> examples = List.of();
    private List<ConfigSchema> options = List.of();
    private String discriminator;

    private Builder(String name, Type type) {
      this.name = requireNonNull(name, "name is null");
      this.type = type;
    }

    public Builder<T> title(String title) {
      this.title = title;
      return this;
    }

    public Builder<T> description(String description) {
      this.description = description;
      return this;
    }

    public Builder<T> required() {
      this.required = true;
      return this;
    }

    public Builder<T> defaultValue(T defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public Builder<T> secret() {
      this.secret = true;
      return this;
    }

    public Builder<T> order(int order) {
      this.order = order;
      return this;
    }

    public Builder<T> minimum(Number minimum) {
      this.minimum = minimum;
      return this;
    }

    public Builder<T> maximum(Number maximum) {
      this.maximum = maximum;
      return this;
    }

    public Builder<T> allowedValues(List<T> values) {
      this.allowedValues = values;
      return this;
    }

    public Builder<T> constant(T constant) {
      this.constant = constant;
      return this;
    }

    public Builder<T> examples(List<T> examples) {
      this.examples = examples;
      return this;
    }

    private Builder<T> options(List<ConfigSchema> options) {
      this.options = options;
      return this;
    }

    private Builder<T> discriminator(String discriminator) {
      this.discriminator = discriminator;
      return this;
    }

    public ConfigField<T> build() {
      return new ConfigField<>(name, type, title, description, required, defaultValue, secret, order, minimum,
          maximum, allowedValues, constant, examples, options, discriminator);
    }
  }
}
