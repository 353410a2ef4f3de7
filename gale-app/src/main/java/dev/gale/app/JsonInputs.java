package dev.gale.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads the JSON objects named on the command line: a file, or {@code -} for standard input (once per command, since
 * it can be read only once). Problems are usage errors whose messages never quote the input: configurations hold
 * secrets, and a parser's message would show the text around the error.
 */
final class JsonInputs {
  static final String STDIN = "-";

  private final CommandLine commandLine;
  private final InputStream stdin;
  private String stdinTakenBy;

  JsonInputs(CommandLine commandLine, InputStream stdin) {
    this.commandLine = requireNonNull(commandLine, "commandLine is null");
    this.stdin = requireNonNull(stdin, "stdin is null");
  }

  /** The JSON object that {@code where} (a path or {@code -}) holds. */
  JsonNode object(String option, String where) {
    byte[] text = read(option, where);
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ParameterException(commandLine, option + ": " + describe(where) + " is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new ParameterException(commandLine, option + ": cannot read " + describe(where));
    }
    if (node == null || !node.isObject()) {
      throw new ParameterException(commandLine, option + ": " + describe(where) + " must hold a JSON object");
    }
    return node;
  }

  private byte[] read(String option, String where) {
    try {
      if (STDIN.equals(where)) {
        if (stdinTakenBy != null) {
          throw new ParameterException(commandLine, option + ": standard input is already read for " + stdinTakenBy);
        }
        stdinTakenBy = option;
        return stdin.readAllBytes();
      }
      return Files.readAllBytes(Path.of(where));
    } catch (NoSuchFileException e) {
      throw new ParameterException(commandLine, option + ": no such file " + where);
    } catch (IOException e) {
      throw new ParameterException(commandLine, option + ": cannot read " + describe(where) + ": "
          + e.getClass().getSimpleName());
    }
  }

  private static String describe(String where) {
    return STDIN.equals(where) ? "standard input" : where;
  }
}
