package dev.gale.connectors.postgres;

/** The icon both Postgres connectors show: an elephant's head, drawn small. */
public final class PostgresIcon {
  public static final String SVG = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <ellipse cx="15" cy="13" rx="10" ry="9" fill="#336791"/>\
      <path d="M9 18 Q8 27 12 29 Q13 24 14 20 Z" fill="#336791"/>\
      <circle cx="19" cy="10" r="1.5" fill="#fff"/>\
      <path d="M22 14 Q27 15 26 20" fill="none" stroke="#fff" stroke-width="1.5"/>\
      </svg>""";

  private PostgresIcon() {}
}
