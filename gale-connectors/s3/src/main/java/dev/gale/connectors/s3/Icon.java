package dev.gale.connectors.s3;

/** A bucket, drawn in SVG. */
final class Icon {
  private Icon() {}

  static final String SVG = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <path d="M5 8c0-2 22-2 22 0l-3 19c0 2-16 2-16 0z" fill="#e25444"/>\
      <ellipse cx="16" cy="8" rx="11" ry="2.5" fill="#7b3020"/></svg>""";
}
