package dev.gale.connectors.declarative.rest;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.config.ConfigValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the next page is asked for, as the configuration's {@code pagination} says. */
sealed interface Pagination {

  /** The query parameters pagination sets, by the configuration property that names each. */
  Map<String, String> parameters();

  /** One request. */
  record None() implements Pagination {
    @Override
    public Map<String, String> parameters() {
      return Map.of();
    }
  }

  /**
   * Page numbers from {@code startPage} on, the first page asked for too.
   *
   * @param pageSize null when pages are read until an empty one
   * @param pageSizeParam null when the page size is not asked for
   */
  record PageNumber(String pageParam, long startPage, Long pageSize, String pageSizeParam) implements Pagination {
    public PageNumber {
      requireNonNull(pageParam, "pageParam is null");
    }

    @Override
    public Map<String, String> parameters() {
      return named("page_param", pageParam, "page_size_param", pageSizeParam);
    }
  }

  /**
   * The number of records read so far, 0 on the first request.
   *
   * @param limit null when pages are read until an empty one and no limit is asked for
   */
  record Offset(String offsetParam, Long limit, String limitParam) implements Pagination {
    public Offset {
      requireNonNull(offsetParam, "offsetParam is null");
      requireNonNull(limitParam, "limitParam is null");
    }

    @Override
    public Map<String, String> parameters() {
      return named("offset_param", offsetParam, "limit_param", limit == null ? null : limitParam);
    }
  }

  /**
   * A value of the response sent back in a parameter, or followed as the next page's URL.
   *
   * @param cursorParam null when the cursor is the next page's URL
   */
  record Cursor(List<String> cursorPath, String cursorParam, Long pageSize, String pageSizeParam)
      implements Pagination {
    public Cursor {
      cursorPath = List.copyOf(cursorPath);
    }

    @Override
    public Map<String, String> parameters() {
      return named("cursor_param", cursorParam, "page_size_param", pageSizeParam);
    }
  }

  /** The URL of the {@code Link} header's {@code rel="next"}. */
  record LinkHeader(Long pageSize, String pageSizeParam) implements Pagination {
    @Override
    public Map<String, String> parameters() {
      return named("page_size_param", pageSizeParam, null, null);
    }
  }

  /**
   * The pagination of the configuration's chosen option, or {@link None} without one; problems are added to
   * {@code problems}.
   */
  static Pagination read(ConfigValues option, List<String> problems) {
    if (option == null) {
      return new None();
    }
    String type = (String) option.schema().field("pagination_type").orElseThrow().constant();
    Long pageSize = option.schema().field(RestApiSpec.PAGE_SIZE.name()).isPresent()
        ? option.find(RestApiSpec.PAGE_SIZE).orElse(null) : null;
    String pageSizeParam = option.schema().field(RestApiSpec.PAGE_SIZE_PARAM.name()).isPresent()
        ? option.find(RestApiSpec.PAGE_SIZE_PARAM).orElse(null) : null;
    if (pageSizeParam != null && pageSize == null) {
      problems.add("pagination.page_size_param needs pagination.page_size, the value it asks for");
    }
    Pagination pagination = switch (type) {
      case RestApiSpec.NO_PAGINATION -> new None();
      case RestApiSpec.PAGE_NUMBER -> new PageNumber(option.get(RestApiSpec.PAGE_PARAM),
          option.get(RestApiSpec.START_PAGE), pageSize, pageSizeParam);
      case RestApiSpec.OFFSET -> new Offset(option.get(RestApiSpec.OFFSET_PARAM),
          option.find(RestApiSpec.LIMIT).orElse(null), option.get(RestApiSpec.LIMIT_PARAM));
      case RestApiSpec.CURSOR -> new Cursor(option.get(RestApiSpec.CURSOR_PATH),
          option.find(RestApiSpec.CURSOR_PARAM).orElse(null), pageSize, pageSizeParam);
      case RestApiSpec.LINK_HEADER -> new LinkHeader(pageSize, pageSizeParam);
      default -> throw new IllegalStateException("pagination type " + type + " is declared but not read");
    };
    if ((pagination instanceof Cursor || pagination instanceof LinkHeader) && pageSize != null
        && pageSizeParam == null) {
      problems.add("pagination.page_size needs pagination.page_size_param: a " + type + " pagination stops by the"
          + " response, not by the page size, which it can only ask for");
    }
    if (pagination instanceof Cursor cursor) {
      ConfigPaths.checkKeys("pagination.cursor_path", cursor.cursorPath(), problems);
      if (cursor.cursorPath().isEmpty()) {
        problems.add("pagination.cursor_path must name the response field that holds the cursor");
      }
    }
    pagination.parameters().forEach((property, name) -> {
      if (name.isBlank()) {
        problems.add(property + " must not be empty");
      }
    });
    return pagination;
  }

  // The properties of the pagination option, with the parameter each names (left out when it names none).
  private static Map<String, String> named(String property, String name, String otherProperty, String otherName) {
    Map<String, String> named = new LinkedHashMap<>();
    if (name != null) {
      named.put("pagination." + property, name);
    }
    if (otherName != null) {
      named.put("pagination." + otherProperty, otherName);
    }
    return named;
  }
}
