/**
 * The bodies of Airbyte's Config API, as records. Field names, required fields and enum values follow Airbyte's
 * published spec so that its generated clients work unchanged; {@link dev.gale.server.http.Required} marks what the
 * spec requires. Services speak domain types; the mappers next to the handlers (such as
 * {@code api.config.WorkspaceReads}) turn them into these bodies and back. Value types that are also the domain's stored
 * form (failure summaries, operator configurations) live in {@code domain} and appear in these bodies from there.
 */
package dev.gale.server.api.model;
