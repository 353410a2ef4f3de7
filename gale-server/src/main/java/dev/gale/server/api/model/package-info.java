/**
 * The bodies of Airbyte's Config API, as records. Field names, required fields and enum values follow Airbyte's
 * published spec so that its generated clients work unchanged; {@link dev.gale.server.http.Required} marks what the
 * spec requires. The services speak these types: the Config API is Gale's canonical model, and the Public API is
 * mapped onto it (as Airbyte's own server does).
 */
package dev.gale.server.api.model;
