package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.ExtendedScanner;
import com.hubspot.jinjava.el.ext.StringBuildingOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * Jinjava's expression syntax with the Python semantics that manifests depend on and Jinjava lacks: arithmetic
 * between datetimes, dates and durations ({@code now_utc() - duration('P1D')}), chained comparisons
 * ({@code -90 <= lat <= 90}), {@code and} giving back an operand rather than a boolean, and {@code ~} printing
 * values as Python does.
 */
final class PythonSyntax extends ExtendedSyntaxBuilder {
  private static final long serialVersionUID = 1L;

  private static final Set<AstBinary.Operator> COMPARISONS = Set.of(AstBinary.LT, AstBinary.LE, AstBinary.GT,
      AstBinary.GE, AstBinary.EQ, AstBinary.NE);

  PythonSyntax(Feature... features) {
    super(features);
  }

  @Override
  protected Parser createParser(String expression) {
    return new PythonParser(this, expression);
  }

  private static final class PythonParser extends ExtendedParser {
    PythonParser(PythonSyntax builder, String expression) {
      super(builder, expression);
      putExtensionHandler(StringConcatOperator.TOKEN, new ExtensionHandler(ExtensionPoint.ADD) {
        @Override
        public AstNode createAstNode(AstNode... children) {
          return new AstBinary(children[0], children[1], CONCAT);
        }
      });
    }

    @Override
    protected Scanner createScanner(String expression) {
      return new PythonScanner(expression);
    }

    /** {@code ()} is Python's empty tuple, which Jinjava's parser does not know. */
    @Override
    protected AstNode nonliteral() throws ScanException, ParseException {
      if (getToken().getSymbol() == Scanner.Symbol.LPAREN && lookahead(0).getSymbol() == Scanner.Symbol.RPAREN) {
        return createAstTuple(params());
      }
      return super.nonliteral();
    }

    /** Comparisons as Python chains them; Jinjava's parser stops after the first. */
    @Override
    protected AstNode cmp(boolean required) throws ScanException, ParseException {
      AstNode v = add(required);
      if (v == null) {
        return null;
      }
      while (true) {
        AstBinary.Operator operator = switch (getToken().getSymbol()) {
          case LT -> AstBinary.LT;
          case LE -> AstBinary.LE;
          case GT -> AstBinary.GT;
          case GE -> AstBinary.GE;
          default -> null;
        };
        if (operator != null) {
          consumeToken();
          v = createAstBinary(v, add(true), operator);
        } else if (getToken().getSymbol() == Scanner.Symbol.EXTENSION
            && getExtensionHandler(getToken()).getExtensionPoint() == ExtensionPoint.CMP) {
          v = getExtensionHandler(consumeToken()).createAstNode(v, add(true));
        } else if ("not".equals(getToken().getImage()) && "in".equals(lookahead(0).getImage())) {
          consumeToken();
          consumeToken();
          v = NOT_IN.createAstNode(v, add(true));
        } else {
          return v;
        }
      }
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
      if (operator == AstBinary.SUB) {
        return new AstBinary(left, right, SUBTRACT);
      }
      if (operator == AdditionOperator.OP) {
        return new AstBinary(left, right, ADD);
      }
      if (operator == AstBinary.AND) {
        return new AstBinary(left, right, AND);
      }
      if (COMPARISONS.contains(operator) && left instanceof AstBinary previous) {
        // Python reads a < b < c < d as (a < b) and (b < c) and (c < d)
        AstNode last = previous.getOperator() == CHAIN ? previous.getChild(1) : previous;
        if (last instanceof AstBinary comparison && COMPARISONS.contains(comparison.getOperator())) {
          return new AstBinary(previous, new AstBinary(comparison.getChild(1), right, operator), CHAIN);
        }
      }
      return super.createAstBinary(left, right, operator);
    }
  }

  private static final Parser.ExtensionHandler NOT_IN = CollectionNonMembershipOperator.HANDLER;

  /**
   * String literals with Python's escapes (an unknown one such as {@code \d} keeps its backslash), and {@code +}
   * before a digit as addition after an operand: Jinjava would read {@code x+1} as x followed by a unary plus.
   */
  private static final class PythonScanner extends ExtendedScanner {
    private static final Set<Symbol> OPERAND_ENDS = Set.of(Symbol.INTEGER, Symbol.FLOAT, Symbol.STRING,
        Symbol.IDENTIFIER, Symbol.RPAREN, Symbol.RBRACK, Symbol.TRUE, Symbol.FALSE, Symbol.NULL);

    PythonScanner(String input) {
      super(input);
    }

    @Override
    protected Token nextEval() throws ScanException {
      if (getInput().charAt(getPosition()) == '+' && getToken() != null
          && OPERAND_ENDS.contains(getToken().getSymbol())) {
        return fixed(Symbol.PLUS);
      }
      return super.nextEval();
    }

    @Override
    protected Token nextString() throws ScanException {
      String input = getInput();
      char quote = input.charAt(getPosition());
      StringBuilder value = new StringBuilder();
      int i = getPosition() + 1;
      while (i < input.length()) {
        char c = input.charAt(i);
        if (c == quote) {
          return token(Symbol.STRING, value.toString(), i + 1 - getPosition());
        }
        if (c == '\\') {
          try {
            i = PythonEscapes.decode(input, i, value);
          } catch (IllegalArgumentException e) {
            throw new ScanException(getPosition(), e.getMessage(), "a valid escape");
          }
        } else {
          value.append(c);
          i++;
        }
      }
      throw new ScanException(getPosition(), "unterminated string", String.valueOf(quote));
    }
  }

  /** Python's {@code and}: the left operand when it is falsy, else the right one. */
  private static final AstBinary.Operator AND = new AstBinary.Operator() {
    @Override
    public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
      Object value = left.eval(bindings, context);
      return PythonValues.isTruthy(value) ? right.eval(bindings, context) : value;
    }

    @Override
    public String toString() {
      return "&&";
    }
  };

  private static final AdditionOperator ADD = new AdditionOperator() {
    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
      Object sum = add(a, b);
      return sum != null ? sum : super.apply(converter, a, b);
    }
  };

  private static final AstBinary.SimpleOperator SUBTRACT = new AstBinary.SimpleOperator() {
    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
      Object difference = subtract(a, b);
      return difference != null ? difference : NumberOperations.sub(converter, a, b);
    }

    @Override
    public String toString() {
      return "-";
    }
  };

  /** The {@code and} that joins chained comparisons, told apart from a written one so that chains can grow. */
  private static final AstBinary.Operator CHAIN = new AstBinary.Operator() {
    @Override
    public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
      return AND.eval(bindings, context, left, right);
    }

    @Override
    public String toString() {
      return "&&";
    }
  };

  private static final class Concat extends AstBinary.SimpleOperator implements StringBuildingOperator {
    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
      return getStringBuilder().append(a == null ? "" : PythonText.str(a)).append(b == null ? "" : PythonText.str(b))
          .toString();
    }

    @Override
    public String toString() {
      return "~";
    }
  }

  private static final Concat CONCAT = new Concat();

  /** Datetime and date plus a duration, and durations summed; null when the operands are not such values. */
  static Object add(Object a, Object b) {
    if (b instanceof IsoDuration && !(a instanceof IsoDuration)) {
      return add(b, a);
    }
    if (!(a instanceof IsoDuration duration)) {
      return null;
    }
    return switch (b) {
      case OffsetDateTime dt -> duration.addTo(dt);
      case LocalDate date -> duration.addTo(date);
      case IsoDuration other -> duration.plus(other);
      case null, default -> null;
    };
  }

  /** Datetime or date minus a duration, and the timedelta between two datetimes or two dates; else null. */
  static Object subtract(Object a, Object b) {
    return switch (a) {
      case OffsetDateTime dt when b instanceof IsoDuration d -> d.negated().addTo(dt);
      case OffsetDateTime dt when b instanceof OffsetDateTime other ->
          IsoDuration.timedelta(Duration.of(ChronoUnit.MICROS.between(other, dt), ChronoUnit.MICROS));
      case LocalDate date when b instanceof IsoDuration d -> d.subtractFrom(date);
      case LocalDate date when b instanceof LocalDate other ->
          IsoDuration.timedelta(Duration.ofDays(ChronoUnit.DAYS.between(other, date)));
      case IsoDuration d when b instanceof IsoDuration other -> d.plus(other.negated());
      case null, default -> null;
    };
  }
}
