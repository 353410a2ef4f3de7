/**
 * Declarative sources: Airbyte's low-code YAML manifests, interpreted in process.
 *
 * <p>A manifest is loaded once and checked strictly ({@code manifest}: {@code $ref}, {@code $parameters},
 * {@code definitions}, default component types, required fields, each error naming its path in the manifest); the
 * checked model is then turned into small runtime components (requester, authenticators, paginators, record
 * selectors, cursors, partition routers, transformations) that a {@link dev.gale.connector.Source} drives. Every
 * string the manifest lets be a template goes through {@code interpolation}, Airbyte's Jinja dialect on Jinjava.
 */
package dev.gale.connectors.declarative;
