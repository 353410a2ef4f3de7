package dev.gale.connectors.files;

/** The file destinations' icons: a sheet of paper with a label, in SVG. */
final class Icons {
  private Icons() {}

  static String file(String color, String label) {
    return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
        <path d="M8 3h11l6 6v20H8z" fill="none" stroke="%s" stroke-width="2"/>\
        <text x="16.5" y="22" font-size="7" text-anchor="middle" fill="%s">%s</text></svg>""".formatted(color, color, label);
  }
}
