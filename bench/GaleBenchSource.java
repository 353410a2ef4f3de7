import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's external source ({@code source-gale-bench}): an Airbyte-Protocol program that emits {@code count}
 * records of one stream, {@code users}, with the fields of the built-in Sample Data source's {@code users} stream,
 * and a STREAM state after every {@code records_per_slice} records, as that source checkpoints.
 *
 * <p>It must never be what limits a measurement: the JSON is written by hand into one buffered byte stream, and the
 * values are picked from small tables by a seeded generator. No JSON library, so that it runs as a single file
 * ({@code java bench/GaleBenchSource.java spec}) with nothing on the class path.
 *
 * <p>Config: {@code {"count": 5000000, "seed": 1, "records_per_slice": 1000}} (all optional).
 */
public final class GaleBenchSource {
  private static final String SPEC = "{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":"
      + "\"https://example.com/gale/bench\",\"connectionSpecification\":{\"$schema\":"
      + "\"http://json-schema.org/draft-07/schema#\",\"title\":\"Gale bench source\",\"type\":\"object\","
      + "\"properties\":{\"count\":{\"type\":\"integer\",\"minimum\":1,\"default\":5000000},"
      + "\"seed\":{\"type\":\"integer\",\"default\":1},"
      + "\"records_per_slice\":{\"type\":\"integer\",\"minimum\":1,\"default\":1000}}}}}";
  private static final String TIMESTAMP = "{\"type\":\"string\",\"format\":\"date-time\","
      + "\"airbyte_type\":\"timestamp_with_timezone\"}";
  private static final String STRING = "{\"type\":\"string\"}";
  private static final String INTEGER = "{\"type\":\"integer\"}";
  private static final String USERS_SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":" + INTEGER
      + ",\"created_at\":" + TIMESTAMP + ",\"updated_at\":" + TIMESTAMP + ",\"name\":" + STRING + ",\"title\":"
      + STRING + ",\"age\":" + INTEGER + ",\"email\":" + STRING + ",\"telephone\":" + STRING + ",\"gender\":" + STRING
      + ",\"language\":" + STRING + ",\"academic_degree\":" + STRING + ",\"nationality\":" + STRING
      + ",\"occupation\":" + STRING + ",\"height\":" + STRING + ",\"blood_type\":" + STRING + ",\"weight\":" + INTEGER
      + ",\"address\":{\"type\":\"object\",\"properties\":{\"street_number\":" + STRING + ",\"street_name\":" + STRING
      + ",\"city\":" + STRING + ",\"state\":" + STRING + ",\"province\":" + STRING + ",\"postal_code\":" + STRING
      + ",\"country_code\":" + STRING + "}}}}";
  private static final String CATALOG = "{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"users\","
      + "\"json_schema\":" + USERS_SCHEMA + ",\"supported_sync_modes\":[\"full_refresh\"],"
      + "\"source_defined_primary_key\":[[\"id\"]]}]}}";

  private static final String[] FEMALE = {"Ada", "Grace", "Hedy", "Margaret", "Katherine", "Frances", "Barbara",
      "Radia", "Sophie", "Joan", "Lynn", "Mary", "Anita", "Shafi", "Karen", "Elena"};
  private static final String[] MALE = {"Alan", "Dennis", "Ken", "Linus", "Edsger", "Donald", "John", "Niklaus",
      "Tony", "Bjarne", "James", "Guido", "Leslie", "Robin", "Fernando", "Carlos"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Lamarr", "Hamilton", "Johnson", "Allen", "Liskov",
      "Perlman", "Wilson", "Clarke", "Conway", "Keller", "Borg", "Goldwasser", "Knuth", "Turing", "Ritchie",
      "Thompson", "Torvalds", "Dijkstra", "McCarthy", "Wirth", "Hoare", "Stroustrup", "Gosling", "Lamport"};
  private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example"};
  private static final String[] LANGUAGES = {"English", "Spanish", "French", "German", "Portuguese", "Italian",
      "Dutch", "Polish", "Swedish", "Japanese", "Korean", "Hindi", "Arabic", "Turkish"};
  private static final String[] DEGREES = {"None", "Bachelor", "Master", "PhD"};
  private static final String[] NATIONALITIES = {"American", "Canadian", "Mexican", "Brazilian", "British",
      "Irish", "French", "German", "Spanish", "Italian", "Dutch", "Polish", "Swedish", "Indian", "Japanese"};
  private static final String[] OCCUPATIONS = {"Engineer", "Teacher", "Nurse", "Accountant", "Carpenter",
      "Designer", "Pharmacist", "Electrician", "Librarian", "Chef", "Pilot", "Architect", "Lawyer", "Farmer"};
  private static final String[] BLOOD_TYPES = {"O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"};
  private static final String[] STREETS = {"Main Street", "Oak Avenue", "Maple Road", "Cedar Lane", "Elm Street",
      "Pine Court", "Lake Drive", "Hill Road", "River Way", "Park Place", "Mill Lane", "Station Road"};
  private static final String[] CITIES = {"Springfield", "Riverton", "Fairview", "Georgetown", "Salem",
      "Madison", "Clinton", "Franklin", "Greenville", "Bristol", "Ashland", "Milton"};
  private static final String[] STATES = {"California", "Texas", "New York", "Oregon", "Ohio", "Colorado",
      "Georgia", "Vermont", "Nevada", "Maine"};
  private static final String[] PROVINCES = {"Ontario", "Quebec", "Alberta", "Manitoba", "Nova Scotia",
      "British Columbia", "Saskatchewan", "Yukon"};
  private static final String[] COUNTRY_CODES = {"US", "CA", "MX", "BR", "GB", "IE", "FR", "DE", "ES", "IT"};
  private static final long CREATED_FROM = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
  private static final long CREATED_SECONDS = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() - CREATED_FROM;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

  private GaleBenchSource() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
    String command = args.length == 0 ? "" : args[0];
    switch (command) {
      case "spec" -> out.println(SPEC);
      case "check" -> out.println("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}");
      case "discover" -> out.println(CATALOG);
      case "read" -> {
        String config = Files.readString(Path.of(option(args, "--config")));
        read(number(config, "count", 5_000_000), number(config, "seed", 1), number(config, "records_per_slice", 1000),
            new BufferedOutputStream(System.out, 1 << 20));
      }
      default -> {
        System.err.println("usage: source-gale-bench spec | check --config F | discover --config F | read --config F"
            + " --catalog F [--state F]");
        System.exit(2);
      }
    }
    out.flush();
  }

  private static String option(String[] args, String name) {
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    throw new IllegalArgumentException("missing " + name);
  }

  // The config is flat and ours; a pattern reads it without a JSON library.
  private static long number(String json, String field, long fallback) {
    Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : fallback;
  }

  static void read(long count, long seed, long perSlice, OutputStream out) throws IOException {
    String emittedAt = Long.toString(System.currentTimeMillis());
    String updatedAt = ISO.format(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    // Formatting a date costs more than the rest of a record: creation times come from a table of formatted ones.
    SplittableRandom tableRandom = new SplittableRandom(seed);
    String[] createdAt = new String[1 << 16];
    for (int i = 0; i < createdAt.length; i++) {
      createdAt[i] = ISO.format(Instant.ofEpochSecond(CREATED_FROM + tableRandom.nextLong(CREATED_SECONDS)));
    }
    StringBuilder line = new StringBuilder(1024);
    for (long id = 1; id <= count; id++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + id);
      line.setLength(0);
      line.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":").append(emittedAt)
          .append(",\"data\":");
      user(line, random, id, createdAt, updatedAt);
      line.append("}}\n");
      // All ASCII, so a compact string's bytes as they are.
      out.write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (id % perSlice == 0 || id == count) {
        out.write(("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"users\"},\"stream_state\":{\"id\":" + id + "}}}}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    out.flush();
  }

  // Every value is plain ASCII without quotes or backslashes, so none needs escaping.
  private static void user(StringBuilder json, SplittableRandom random, long id, String[] createdAt,
                           String updatedAt) {
    boolean female = random.nextBoolean();
    String first = pick(random, female ? FEMALE : MALE);
    String last = pick(random, LAST);
    json.append("{\"id\":").append(id)
        .append(",\"created_at\":\"").append(createdAt[random.nextInt(createdAt.length)]).append('"')
        .append(",\"updated_at\":\"").append(updatedAt).append('"')
        .append(",\"name\":\"").append(first).append(' ').append(last).append('"')
        .append(",\"title\":\"").append(random.nextInt(10) == 0 ? "Dr." : female ? "Ms." : "Mr.").append('"')
        .append(",\"age\":").append(18 + random.nextInt(70))
        .append(",\"email\":\"").append(first.toLowerCase(Locale.ROOT)).append('.')
        .append(last.toLowerCase(Locale.ROOT)).append('+')
        .append(id).append('@').append(pick(random, DOMAINS)).append('"')
        .append(",\"telephone\":\"+1-").append(200 + random.nextInt(800)).append('-')
        .append(100 + random.nextInt(900)).append('-').append(1000 + random.nextInt(9000)).append('"')
        .append(",\"gender\":\"").append(female ? "Female" : "Male").append('"')
        .append(",\"language\":\"").append(pick(random, LANGUAGES)).append('"')
        .append(",\"academic_degree\":\"").append(pick(random, DEGREES)).append('"')
        .append(",\"nationality\":\"").append(pick(random, NATIONALITIES)).append('"')
        .append(",\"occupation\":\"").append(pick(random, OCCUPATIONS)).append('"')
        .append(",\"height\":\"").append(1).append('.').append(50 + random.nextInt(50)).append('"')
        .append(",\"blood_type\":\"").append(pick(random, BLOOD_TYPES)).append('"')
        .append(",\"weight\":").append(45 + random.nextInt(80))
        .append(",\"address\":{\"street_number\":\"").append(1 + random.nextInt(2000)).append('"')
        .append(",\"street_name\":\"").append(pick(random, STREETS)).append('"')
        .append(",\"city\":\"").append(pick(random, CITIES)).append('"')
        .append(",\"state\":\"").append(pick(random, STATES)).append('"')
        .append(",\"province\":\"").append(pick(random, PROVINCES)).append('"')
        .append(",\"postal_code\":\"").append(10000 + random.nextInt(90000)).append('"')
        .append(",\"country_code\":\"").append(pick(random, COUNTRY_CODES)).append("\"}}");
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
