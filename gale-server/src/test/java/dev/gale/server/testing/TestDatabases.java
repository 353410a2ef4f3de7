package dev.gale.server.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a {@code @ParameterizedClass} once per database vendor, each time with a fresh {@link TestDatabase} that
 * JUnit closes after the class has run:
 * <pre>{@code
 * @ParameterizedClass(name = "{0}")
 * @ArgumentsSource(TestDatabases.class)
 * class MyRepositoryIT {
 *   @Parameter TestDatabase db;
 * }
 * }</pre>
 * The system property {@code gale.test.databases} (for example {@code h2}) narrows the vendors for a quick run.
 */
public final class TestDatabases implements ArgumentsProvider {
  public static final String PROPERTY = "gale.test.databases";

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    String wanted = System.getProperty(PROPERTY, "h2,postgresql").toUpperCase(Locale.ROOT);
    return Arrays.stream(wanted.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .map(TestDatabase.Kind::valueOf)
        .map(kind -> Arguments.of(new TestDatabase(kind)));
  }
}
