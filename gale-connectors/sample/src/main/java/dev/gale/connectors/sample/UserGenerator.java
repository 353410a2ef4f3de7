package dev.gale.connectors.sample;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/** Users 1..count: people with a name, contact details, a profile and a postal address (as JSON text). */
final class UserGenerator implements RowGenerator {
  private static final String[] FEMALE = {"Ada", "Grace", "Hedy", "Margaret", "Katherine", "Frances", "Barbara",
      "Radia", "Sophie", "Joan", "Lynn", "Mary", "Anita", "Shafi", "Karen", "Elena"};
  private static final String[] MALE = {"Alan", "Dennis", "Ken", "Linus", "Edsger", "Donald", "John", "Niklaus",
      "Tony", "Bjarne", "James", "Guido", "Leslie", "Robin", "Fernando", "Carlos"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Lamarr", "Hamilton", "Johnson", "Allen", "Liskov",
      "Perlman", "Wilson", "Clarke", "Conway", "Keller", "Borg", "Goldwasser", "Knuth", "Turing", "Ritchie",
      "Thompson", "Torvalds", "Dijkstra", "McCarthy", "Wirth", "Hoare", "Stroustrup", "Gosling", "Lamport",
      "Milner", "Corbato", "Kay", "Backus", "Naur", "Floyd"};
  private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example",
      "post.example"};
  private static final String[] LANGUAGES = {"English", "Spanish", "French", "German", "Portuguese", "Italian",
      "Dutch", "Polish", "Swedish", "Japanese", "Korean", "Hindi", "Arabic", "Turkish"};
  private static final String[] DEGREES = {"None", "Bachelor", "Master", "PhD"};
  private static final String[] NATIONALITIES = {"American", "Canadian", "Mexican", "Brazilian", "British",
      "Irish", "French", "German", "Spanish", "Italian", "Dutch", "Polish", "Swedish", "Indian", "Japanese",
      "Korean", "Australian", "Nigerian"};
  private static final String[] OCCUPATIONS = {"Engineer", "Teacher", "Nurse", "Accountant", "Carpenter",
      "Designer", "Pharmacist", "Electrician", "Librarian", "Chef", "Pilot", "Architect", "Lawyer", "Farmer",
      "Journalist", "Mechanic", "Dentist", "Analyst", "Translator", "Gardener"};
  private static final String[] BLOOD_TYPES = {"O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"};
  private static final String[] STREETS = {"Main Street", "Oak Avenue", "Maple Road", "Cedar Lane", "Elm Street",
      "Pine Court", "Lake Drive", "Hill Road", "River Way", "Park Place", "Mill Lane", "Station Road"};
  private static final String[] CITIES = {"Springfield", "Riverton", "Fairview", "Georgetown", "Salem",
      "Madison", "Clinton", "Franklin", "Greenville", "Bristol", "Ashland", "Milton"};
  private static final String[] STATES = {"California", "Texas", "New York", "Oregon", "Ohio", "Colorado",
      "Georgia", "Vermont", "Nevada", "Maine"};
  private static final String[] PROVINCES = {"Ontario", "Quebec", "Alberta", "Manitoba", "Nova Scotia",
      "British Columbia", "Saskatchewan", "Yukon"};
  private static final String[] COUNTRY_CODES = {"US", "CA", "MX", "BR", "GB", "IE", "FR", "DE", "ES", "IT", "NL",
      "PL", "SE", "IN", "JP", "KR", "AU", "NG"};
  private static final OffsetDateTime CREATED_FROM = RecordRandom.utc(2015, 1, 1);
  private static final long CREATED_SECONDS = CREATED_FROM.until(CursorPlan.ANCHOR, ChronoUnit.SECONDS);

  private final long seed;
  private final long count;

  UserGenerator(long seed, long count) {
    this.seed = seed;
    this.count = count;
  }

  @Override
  public long size() {
    return count;
  }

  @Override
  public Object[] row(long id, OffsetDateTime updatedAt) {
    SplittableRandom random = RecordRandom.of(seed, RecordRandom.USERS, id);
    boolean female = random.nextBoolean();
    String first = RecordRandom.pick(random, female ? FEMALE : MALE);
    String last = RecordRandom.pick(random, LAST);
    String title = random.nextInt(10) == 0 ? "Dr." : female ? "Ms." : "Mr.";
    String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "+" + id + "@"
        + RecordRandom.pick(random, DOMAINS);
    return new Object[] {
        id,
        RecordRandom.time(random, CREATED_FROM, CREATED_SECONDS),
        updatedAt,
        first + " " + last,
        title,
        18L + random.nextInt(70),
        email,
        telephone(random),
        female ? "Female" : "Male",
        RecordRandom.pick(random, LANGUAGES),
        RecordRandom.pick(random, DEGREES),
        RecordRandom.pick(random, NATIONALITIES),
        RecordRandom.pick(random, OCCUPATIONS),
        height(random),
        RecordRandom.pick(random, BLOOD_TYPES),
        45L + random.nextInt(70),
        address(random)
    };
  }

  private static String telephone(SplittableRandom random) {
    StringBuilder text = new StringBuilder(15).append("+1-");
    digits(text, 200 + random.nextInt(800), 3).append('-');
    digits(text, random.nextInt(1000), 3).append('-');
    return digits(text, random.nextInt(10_000), 4).toString();
  }

  // Metres with two decimals, as text: Faker's schema declares height a string.
  private static String height(SplittableRandom random) {
    int centimetres = 150 + random.nextInt(56);
    StringBuilder text = new StringBuilder(4).append(centimetres / 100).append('.');
    return digits(text, centimetres % 100, 2).toString();
  }

  // The word lists hold no character that JSON needs to escape, so the text is built directly.
  private static String address(SplittableRandom random) {
    StringBuilder json = new StringBuilder(160);
    json.append("{\"street_number\":\"").append(1 + random.nextInt(9999))
        .append("\",\"street_name\":\"").append(RecordRandom.pick(random, STREETS))
        .append("\",\"city\":\"").append(RecordRandom.pick(random, CITIES))
        .append("\",\"state\":\"").append(RecordRandom.pick(random, STATES))
        .append("\",\"province\":\"").append(RecordRandom.pick(random, PROVINCES))
        .append("\",\"postal_code\":\"");
    digits(json, random.nextInt(100_000), 5);
    return json.append("\",\"country_code\":\"").append(RecordRandom.pick(random, COUNTRY_CODES)).append("\"}")
        .toString();
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    String number = Integer.toString(value);
    for (int i = number.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(number);
  }
}
