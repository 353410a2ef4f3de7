/**
 * The REST API source: one JSON endpoint as a stream, without writing a manifest.
 *
 * <p>{@link dev.gale.connectors.declarative.rest.RestApiSource} reads its configuration ({@code RestApiConfig}, which
 * refuses whatever it could not honour), translates it into a low-code manifest with one stream
 * ({@code RestManifest}) and delegates check, discover and read to a
 * {@link dev.gale.connectors.declarative.DeclarativeSource} loaded from that manifest: the interpreter's requester,
 * authenticators, paginators, record selector, cursors and typing do the work, and this package adds no HTTP of its
 * own. A value of the configuration goes into the manifest as plain text where the interpreter reads it back
 * unchanged, and otherwise through a template over a configuration the translation makes alongside, so none is ever
 * read as Jinja.
 */
package dev.gale.connectors.declarative.rest;
