package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.runtime.HttpResult;
import java.util.Map;

/**
 * What a page ended with, for deciding the next one.
 *
 * @param records how many records the page gave (after filtering), Airbyte's {@code last_page_size}
 * @param extracted how many records the extractor found before filtering; page and offset increments count these
 * @param lastRecord the page's last record, or null
 */
public record Page(HttpResult response, int records, int extracted, Map<String, Object> lastRecord) {}
