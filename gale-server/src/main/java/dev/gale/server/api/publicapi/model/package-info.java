/**
 * The bodies of Airbyte's Public API ({@code /api/public/v1}), as records under Airbyte's names: one file per
 * resource family. Each answer is built from what a service returns (a Config API body or a service view), so the
 * Public API stays a mapping onto the services, as in Airbyte's own server.
 */
package dev.gale.server.api.publicapi.model;
