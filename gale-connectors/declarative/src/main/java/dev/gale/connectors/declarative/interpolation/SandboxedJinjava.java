package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.DisabledException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.lib.filter.FilterLibrary;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.FunctionLibrary;
import com.hubspot.jinjava.lib.tag.TagLibrary;
import com.hubspot.jinjava.tree.Node;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.ExpressionFactory;

/**
 * Jinjava set up as Airbyte's sandboxed Jinja environment: the CDK's macros and filters, Jinja's built-in filters,
 * tests and tags that neither reach outside nor multiply memory, the {@link SandboxResolver} instead of Java bean
 * access, Python's output and operators, no template loading, and limits on output, collection sizes and loops.
 * Thread-safe once built: what is shared does not change, and each evaluation gets its own context and interpreter.
 */
final class SandboxedJinjava extends Jinjava {
  /** Longest text a template may print or build. */
  static final int MAX_OUTPUT = 4 * 1024 * 1024;
  /** Loop iterations one evaluation may run, over all its loops. */
  static final long MAX_LOOP_ITERATIONS = 100_000;
  /** Elements a list or dict may have when a template reads it; large enough for real responses. */
  static final int MAX_COLLECTION = 1_000_000;
  /** Parsed expressions kept by the expression factory, as Jinjava's default. */
  private static final int EXPRESSION_CACHE = 1000;

  // Jinja's built-ins that are safe here. Jinjava's extras (fromyaml, render, ipaddr...) stay out, and so do the
  // filters that build something as large as a number in the template says (center, indent, wordwrap, format,
  // batch and slice pad to it), whatever the input.
  private static final Set<String> FILTERS = Set.of("abs", "attr", "capitalize", "count", "d", "default",
      "dictsort", "first", "float", "groupby", "int", "last", "length", "list", "lower", "map", "reject",
      "rejectattr", "reverse", "round", "select", "selectattr", "sort", "sum", "title", "trim", "truncate",
      "unique", "upper", "wordcount", "b64encode", "b64decode", "striptags", "xmlattr");
  // No loading of other templates (include, import, from, extends, block), no side effects (do) and no loop control
  // (break, continue), which the CDK keeps out too.
  private static final Set<String> TAGS = Set.of("if", "elif", "else", "for", "set", "macro", "call", "raw",
      "autoescape");

  private final LibraryContext library;
  private final ExpressionFactory expressions;

  SandboxedJinjava() {
    super(JinjavaConfig.newBuilder()
        .withMaxOutputSize(MAX_OUTPUT)
        .withMaxStringLength(MAX_OUTPUT)
        .withMaxListSize(MAX_COLLECTION)
        .withMaxMapSize(MAX_COLLECTION)
        .withMaxRenderDepth(10)
        .withEnableRecursiveMacroCalls(false)
        .withNestedInterpretationEnabled(false)
        .withElResolver(new SandboxResolver())
        .withLegacyOverrides(LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true) // {k: v} evaluates k, as Python does
            .withIterateOverMapKeys(true) // for k in d gives keys, as Python does
            .withUseNaturalOperatorPrecedence(true) // -x|abs filters -x, and x|int * 2 doubles x|int, as Jinja
            .withParseWhitespaceControlStrictly(true)
            .withAllowAdjacentTextNodes(true)
            .withUseTrimmingForNotesAndExpressions(true) // {{- x -}} trims, as Jinja
            .withHandleBackslashInQuotesOnly(true)
            .build())
        .build());
    this.library = new LibraryContext(disabled());
    Macros.all().forEach((name, method) -> library.registerFunction(new ELFunctionDefinition("", name, method)));
    Filters.all().forEach(library::registerFilter);
    library.registerTag(new LoopLimitingForTag());
    library.setExpressionStrategy(new PythonOutput());
    library.freeze();
    // Built here rather than named in properties: the factory could not instantiate a package-private builder.
    PythonSyntax syntax = new PythonSyntax(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    this.expressions = new ExpressionFactoryImpl(new TreeStore(syntax, new Cache(EXPRESSION_CACHE)),
        new TruthyTypeConverter());
    setResourceLocator((name, encoding, interpreter) -> {
      throw new IOException("templates cannot load other templates");
    });
  }

  /** Every default filter, function and tag that is not allowed; ours replace defaults of the same name. */
  private static Map<Library, Set<String>> disabled() {
    Set<String> ours = Filters.all().stream().map(f -> f.getName()).collect(Collectors.toSet());
    Set<String> filters = new HashSet<>(LibraryContext.namesOf(new FilterLibrary(true, null).entries()));
    filters.removeAll(FILTERS);
    filters.removeAll(ours);
    Set<String> functions = new HashSet<>(LibraryContext.namesOf(new FunctionLibrary(true, null).entries()));
    Macros.all().keySet().forEach(name -> functions.remove(":" + name));
    Set<String> tags = new HashSet<>(LibraryContext.namesOf(new TagLibrary(true, null).entries()));
    tags.removeAll(TAGS);
    tags.removeIf(tag -> tag.startsWith("end") && TAGS.contains(tag.substring(3)));
    return Map.of(Library.FILTER, filters, Library.FUNCTION, functions, Library.TAG, tags,
        Library.EXP_TEST, Set.of());
  }

  @Override
  public Context getGlobalContext() {
    return library;
  }

  @Override
  public ExpressionFactory getExpressionFactory() {
    return expressions;
  }

  @Override
  public ExpressionFactory getEagerExpressionFactory() {
    return expressions; // eager execution is never enabled; this keeps Jinjava's own parser out entirely
  }

  /** Parses a template once for any number of renders; a template that does not parse fails here. */
  Node parse(String template) {
    SandboxInterpreter interpreter = newInterpreter(Map.of(), Clock.systemUTC());
    try (var current = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
      Node root = current.value().parse(template); // tags look the interpreter up while they parse
      // Jinjava only warns of an unclosed {{ or a stray end tag; Jinja refuses such a template, and so do we.
      interpreter.getErrors().stream()
          .filter(e -> e.getSeverity() == ErrorType.FATAL || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR)
          .findFirst()
          .ifPresent(e -> {
            throw new InterpolationException(e.getMessage());
          });
      return root;
    }
  }

  /** Renders a parsed template with {@code bindings}; a failure is an {@link InterpolationException}. */
  String render(Node root, Map<String, ?> bindings, Clock clock) {
    SandboxInterpreter interpreter = newInterpreter(bindings, clock);
    String output;
    try {
      output = interpreter.render(root, false); // which makes it the current interpreter while it renders
    } catch (RuntimeException e) {
      throw new InterpolationException(describe(e));
    }
    List<TemplateError> fatal = fatal(interpreter);
    if (!fatal.isEmpty()) {
      throw new InterpolationException(describe(fatal.getFirst()));
    }
    return output;
  }

  private SandboxInterpreter newInterpreter(Map<String, ?> bindings, Clock clock) {
    return new SandboxInterpreter(this, new Context(library, bindings), getGlobalConfig(), clock,
        MAX_LOOP_ITERATIONS);
  }

  private static List<TemplateError> fatal(JinjavaInterpreter interpreter) {
    return interpreter.getErrors().stream().filter(e -> e.getSeverity() == ErrorType.FATAL).toList();
  }

  /**
   * What went wrong, without a context value: Jinjava's own messages can quote the values they failed on, so only
   * our messages, which never do, and Jinjava's syntax and disabled-feature messages, which quote the template, pass.
   */
  private static String describe(TemplateError error) {
    Throwable cause = error.getException();
    String ours = describeOurs(cause);
    if (ours != null) {
      return ours;
    }
    return switch (error.getReason()) {
      case DISABLED -> error.getMessage();
      case OUTPUT_TOO_BIG -> "the output is longer than " + MAX_OUTPUT + " characters";
      case COLLECTION_TOO_BIG -> "a list or dict has more than " + MAX_COLLECTION + " elements";
      default -> isTemplateProblem(cause) ? error.getMessage()
          : "evaluation failed (" + error.getReason() + " at line " + error.getLineno() + ")";
    };
  }

  private static String describe(RuntimeException e) {
    String ours = describeOurs(e);
    return ours != null ? ours : "evaluation failed (" + e.getClass().getSimpleName() + ")";
  }

  private static String describeOurs(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterpolationException ours) {
        return ours.getMessage();
      }
      if (t instanceof DisabledException disabled) {
        return disabled.getMessage();
      }
    }
    return null;
  }

  /** Problems in the template's own text, whose messages quote the template only. */
  private static boolean isTemplateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jinjava.de.odysseus.el.tree.TreeBuilderException
          || (t instanceof jinjava.javax.el.ELException && String.valueOf(t.getMessage()).startsWith(
              "Could not resolve function '"))) {
        return true;
      }
    }
    return false;
  }
}
