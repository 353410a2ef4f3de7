package dev.gale.connectors.declarative.interpolation;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The filters Airbyte's CDK adds to Jinja ({@code hash}, {@code base64encode}, {@code string},
 * {@code regex_search}...), and Jinja built-ins whose Jinjava versions print differently from Python ({@code join},
 * {@code replace}, {@code tojson}, {@code urlencode}).
 */
final class Filters {
  private static final Map<String, String> DIGESTS = Map.ofEntries(Map.entry("md5", "MD5"),
      Map.entry("sha1", "SHA-1"), Map.entry("sha224", "SHA-224"), Map.entry("sha256", "SHA-256"),
      Map.entry("sha384", "SHA-384"), Map.entry("sha512", "SHA-512"), Map.entry("sha512_224", "SHA-512/224"),
      Map.entry("sha512_256", "SHA-512/256"), Map.entry("sha3_224", "SHA3-224"), Map.entry("sha3_256", "SHA3-256"),
      Map.entry("sha3_384", "SHA3-384"), Map.entry("sha3_512", "SHA3-512"));

  private Filters() {}

  static List<Filter> all() {
    return List.of(
        filter("hash", List.of("hash_type", "salt"), Filters::hash),
        filter("base64encode", List.of(), (value, args) -> base64(PythonText.str(value))),
        filter("base64decode", List.of(), (value, args) -> unbase64(PythonText.str(value))),
        // The CDK's filter of this name encodes, whatever its name says; manifests rely on what it does.
        filter("base64binascii_decode", List.of(), (value, args) -> base64Ascii(PythonText.str(value))),
        filter("string", List.of(), (value, args) ->
            value instanceof CharSequence s ? s.toString() : "\"\"\"" + PythonJson.dumps(value, false) + "\"\"\""),
        filter("regex_search", List.of("regex"), (value, args) ->
            Regexes.search(PythonText.str(value), args.requiredString(0))),
        filter("regex_replace", List.of("regex", "replacement"), (value, args) ->
            Regexes.replace(PythonText.str(value), args.requiredString(0), args.requiredString(1))),
        filter("hmac", List.of("key", "hash_type"), Filters::hmac),
        filter("join", List.of("d", "attribute"), Filters::join),
        filter("replace", List.of("old", "new", "count"), (value, args) -> {
          Object count = args.optional(2, null);
          return PythonMethods.replace(PythonText.str(value), PythonText.str(args.required(0)),
              PythonText.str(args.required(1)), count instanceof Number n ? n.intValue() : -1);
        }),
        filter("tojson", List.of(), (value, args) -> htmlSafe(PythonJson.dumps(value, true))),
        filter("urlencode", List.of(), Filters::urlencode),
        filter("int", List.of("default", "base"), Filters::toInt),
        filter("float", List.of("default"), (value, args) -> {
          Double d = PythonNumbers.toFloat(value);
          return d != null ? d : args.optional(0, 0.0);
        }));
  }

  /** A filter taking Python-style arguments after the filtered value. */
  private static Filter filter(String name, List<String> params, BiFunction<Object, CallArgs, Object> body) {
    return new AdvancedFilter() {
      @Override
      public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return body.apply(var, CallArgs.bind(name, params, Arrays.asList(args), kwargs));
      }

      @Override
      public String getName() {
        return name;
      }
    };
  }

  /** Jinja's int: Python's int() of the value, else of its float(), else the default. */
  private static Object toInt(Object value, CallArgs args) {
    Object base = args.optional(1, 10L);
    if (!(base instanceof Long || base instanceof Integer)) {
      throw new InterpolationException("int filter base must be an int");
    }
    Object result = PythonNumbers.toInt(value, ((Number) base).intValue());
    return result != null ? result : args.optional(0, 0L);
  }

  /** hashlib's algorithms by name over {@code str(value)}, then {@code str(salt)} when there is a salt. */
  private static Object hash(Object value, CallArgs args) {
    String type = PythonText.str(args.optional(0, "md5"));
    Object salt = args.optional(1, null);
    String algorithm = DIGESTS.get(type);
    if (algorithm == null) {
      throw new InterpolationException("No hashing function named " + type);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(PythonText.str(value).getBytes(StandardCharsets.UTF_8));
      if (PythonValues.isTruthy(salt)) {
        digest.update(PythonText.str(salt).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (GeneralSecurityException e) {
      throw new InterpolationException("No hashing function named " + type);
    }
  }

  /** HMAC in hex; like the CDK, SHA-256 only. */
  private static Object hmac(Object value, CallArgs args) {
    String key = PythonText.str(args.required(0));
    String type = PythonText.str(args.optional(1, "sha256"));
    if (!type.equals("sha256")) {
      throw new InterpolationException("Hash type '" + type + "' is not allowed. Allowed types: sha256");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(PythonText.str(value).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InterpolationException("hmac() could not be computed");
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Ascii(String text) {
    if (!text.chars().allMatch(c -> c < 128)) {
      throw new InterpolationException("base64binascii_decode() takes ASCII text only");
    }
    return base64(text);
  }

  /** As Python's b64decode: characters outside the alphabet are skipped; the bytes must be UTF-8. */
  private static String unbase64(String text) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(text);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new InterpolationException("base64decode() input is not base64 of UTF-8 text");
    }
  }

  /** Jinja's join: every item printed with {@code str()}, or an attribute of each item when one is named. */
  private static Object join(Object value, CallArgs args) {
    String separator = PythonText.str(args.optional(0, ""));
    Object attribute = args.optional(1, null);
    Collection<?> items = switch (value) {
      case Collection<?> c -> c;
      case Map<?, ?> m -> m.keySet();
      case CharSequence s -> s.toString().codePoints().mapToObj(Character::toString).toList();
      case null, default -> throw new InterpolationException("join filter needs an iterable, not "
          + PythonText.typeName(value));
    };
    return PythonMethods.join(separator, items.stream()
        .map(item -> attribute == null ? item : SandboxResolver.property(item, attribute))
        .map(PythonText::str)
        .toList());
  }

  /** Jinja's urlencode: a text quoted with '/' kept; a dict or pairs as a query string, spaces as '+'. */
  private static Object urlencode(Object value, CallArgs args) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> queryPart(e.getKey()) + "=" + queryPart(e.getValue()))
          .collect(Collectors.joining("&"));
    }
    if (value instanceof Collection<?> pairs) {
      return pairs.stream().map(pair -> {
        if (!(pair instanceof List<?> kv) || kv.size() != 2) {
          throw new InterpolationException("urlencode needs a dict or a list of pairs");
        }
        return queryPart(kv.get(0)) + "=" + queryPart(kv.get(1));
      }).collect(Collectors.joining("&"));
    }
    return UrlQuoting.quote(PythonText.str(value), "/");
  }

  private static String queryPart(Object value) {
    return UrlQuoting.quote(PythonText.str(value), "").replace("%20", "+");
  }

  /** Jinja's tojson escapes the characters that would end a script or an attribute in HTML. */
  private static String htmlSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
  }
}
