package dev.gale.connectors.declarative.interpolation;

import com.google.common.collect.SetMultimap;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.Importable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The context every evaluation's context descends from, holding the filters, functions, tests and tags templates
 * may use. It is shared by all threads, so it must not change after construction; Jinjava's contexts report what
 * they resolve up to their parents, which here would be a data race and a leak, so those reports stop here.
 */
final class LibraryContext extends Context {
  private volatile Collection<ELFunctionDefinition> functions;

  LibraryContext(Map<Library, Set<String>> disabled) {
    super(null, null, disabled);
    getGlobalMacros(); // created now, as it would otherwise be created lazily by the first thread to ask
  }

  /** Ends registration: Jinjava asks for all functions for every evaluation, and building them costs microseconds. */
  void freeze() {
    functions = List.copyOf(super.getAllFunctions());
  }

  @Override
  public Collection<ELFunctionDefinition> getAllFunctions() {
    Collection<ELFunctionDefinition> frozen = functions;
    return frozen != null ? frozen : super.getAllFunctions();
  }

  /** Jinja fails on an unknown filter, where Jinjava would quietly print nothing. */
  @Override
  public Filter getFilter(String name) {
    Filter filter = super.getFilter(name);
    return filter != null ? filter : new Filter() {
      @Override
      public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        throw new InterpolationException("no filter named '" + name + "'");
      }

      @Override
      public String getName() {
        return name;
      }
    };
  }

  /** Jinja fails on an unknown test, where Jinjava would quietly print nothing. */
  @Override
  public ExpTest getExpTest(String name) {
    ExpTest test = super.getExpTest(name);
    return test != null ? test : new ExpTest() {
      @Override
      public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
        throw new InterpolationException("no test named '" + name + "'");
      }

      @Override
      public String getName() {
        return name;
      }
    };
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {}

  @Override
  public void addResolvedFunction(String function) {}

  @Override
  public void addDependency(String type, String identification) {}

  @Override
  public void addDependencies(SetMultimap<String, String> dependencies) {}

  /** The names a library registers by default, to disable those that are not on an allowlist. */
  static Set<String> namesOf(Collection<? extends Importable> entries) {
    return entries.stream().map(Importable::getName).collect(Collectors.toSet());
  }
}
