package dev.gale.connectors.declarative.interpolation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python's {@code re.search} and {@code re.sub} for the CDK's regex filters, on Java's engine with Python's syntax
 * ({@code (?P<name>...)}, {@code \Z}, Unicode classes, only {@code \n} ending a line).
 *
 * <p>A backtracking engine can take exponential time on a hostile pattern, and manifests come from users: matching
 * runs over text that counts the characters the engine reads and gives up past a budget.
 */
final class Regexes {
  /** Characters the engine may read per match, which bounds its time to well under a second. */
  static final long READ_BUDGET = 20_000_000;

  private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

  private Regexes() {}

  /** The first group of the first match, empty when nothing matches or the pattern has no group. */
  static Object search(String text, String regex) {
    Pattern pattern = compile(regex);
    Matcher m = pattern.matcher(new BudgetedText(text));
    if (!find(m) || m.groupCount() == 0) {
      return "";
    }
    return m.group(1);
  }

  /** Every match replaced by the Python replacement template ({@code \1}, {@code \g<name>}, escapes). */
  static String replace(String text, String regex, String replacement) {
    Matcher m = compile(regex).matcher(new BudgetedText(text));
    StringBuilder out = new StringBuilder();
    while (find(m)) {
      m.appendReplacement(out, Matcher.quoteReplacement(expand(replacement, m)));
      if (out.length() > PythonMethods.MAX_TEXT) {
        throw new InterpolationException("regex_replace() would make a text longer than " + PythonMethods.MAX_TEXT
            + " characters");
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean find(Matcher m) {
    try {
      return m.find();
    } catch (BudgetExceeded e) {
      throw new InterpolationException("the regular expression takes too long on this text");
    }
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(toJava(regex), FLAGS);
    } catch (PatternSyntaxException e) {
      throw new InterpolationException("invalid regular expression: " + e.getDescription());
    }
  }

  /** Python's spellings that Java writes differently; the rest of the syntax is common to both. */
  private static String toJava(String regex) {
    StringBuilder out = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(i + 1);
        out.append(next == 'Z' ? "\\z" : "\\" + next);
        i++;
      } else if (regex.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (regex.startsWith("(?P=", i)) {
        int end = regex.indexOf(')', i);
        if (end < 0) {
          throw new InterpolationException("invalid regular expression: unterminated group reference");
        }
        out.append("\\k<").append(regex, i + 4, end).append('>');
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Expands a Python replacement template for the current match. */
  private static String expand(String template, Matcher m) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '\\' || i + 1 == template.length()) {
        out.append(c);
        continue;
      }
      char e = template.charAt(++i);
      if (Character.isDigit(e)) {
        int end = i + 1 < template.length() && Character.isDigit(template.charAt(i + 1)) ? i + 2 : i + 1;
        out.append(group(m, template.substring(i, end)));
        i = end - 1;
      } else if (e == 'g') {
        int end = template.indexOf('>', i);
        if (i + 1 >= template.length() || template.charAt(i + 1) != '<' || end < 0) {
          throw new InterpolationException("bad group reference in replacement");
        }
        out.append(group(m, template.substring(i + 2, end)));
        i = end;
      } else {
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000b');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case '\\' -> out.append('\\');
          default -> {
            if (Character.isLetter(e) && e < 128) {
              throw new InterpolationException("bad escape \\" + e + " in replacement");
            }
            out.append('\\').append(e); // Python keeps other unknown escapes as written
          }
        }
      }
    }
    return out.toString();
  }

  private static String group(Matcher m, String reference) {
    try {
      String value = reference.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(reference))
          : m.group(reference);
      return value == null ? "" : value;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new InterpolationException("invalid group reference " + reference + " in replacement");
    }
  }

  /** The text the engine reads, counting each character it reads against {@link #READ_BUDGET}. */
  private static final class BudgetedText implements CharSequence {
    private final String text;
    private final long[] reads;

    BudgetedText(String text) {
      this(text, new long[1]);
    }

    private BudgetedText(String text, long[] reads) {
      this.text = text;
      this.reads = reads;
    }

    @Override
    public char charAt(int index) {
      if (++reads[0] > READ_BUDGET) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
