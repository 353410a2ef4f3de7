/**
 * The store: Gale's configuration and job tables on H2 (embedded default) or PostgreSQL, behind one repository per
 * aggregate. Open a {@link dev.gale.server.store.Database} once (it migrates the schema with Flyway) and build the
 * repositories from it; they are stateless and thread-safe.
 *
 * <h2>Repositories</h2>
 * <ul>
 *   <li>{@link dev.gale.server.store.WorkspaceRepository}: workspaces; list, by organization, by slug.
 *   <li>{@link dev.gale.server.store.DefinitionRepository}: connector definitions, their versions (one is the
 *       default), and grants of non-public definitions to workspaces; "visible to a workspace" means live and
 *       public or granted.
 *   <li>{@link dev.gale.server.store.ActorRepository}: sources and destinations; list by workspace and type, and
 *       {@link dev.gale.server.store.ActorSearch} by workspace, definition and name.
 *   <li>{@link dev.gale.server.store.OperationRepository}: post-sync operations.
 *   <li>{@link dev.gale.server.store.ConnectionRepository}: connections with their ordered operation ids; a
 *       connection's workspace is its source's workspace.
 *   <li>{@link dev.gale.server.store.StateRepository}: connection state in the STREAM, GLOBAL and LEGACY shapes.
 *   <li>{@link dev.gale.server.store.CatalogRepository}: discovered catalogs (stored once per content hash) and
 *       fetch events for discover caching.
 *   <li>{@link dev.gale.server.store.JobRepository}: jobs ({@link dev.gale.server.store.JobQuery}, newest first,
 *       paged and counted), attempts and per-attempt stats.
 *   <li>{@link dev.gale.server.store.JobQueue}: the replication jobs workers claim, with row locks
 *       ({@code FOR UPDATE SKIP LOCKED}) and leases; at most one active job per connection.
 *   <li>{@link dev.gale.server.store.JobCensus}: counts of the jobs table for metrics (by status and type, waiting,
 *       processes holding leases).
 *   <li>{@link dev.gale.server.store.StreamGenerationRepository}: the generation of each stream's data, bumped by
 *       resets.
 * </ul>
 *
 * <h2>Rules callers can rely on</h2>
 * <ul>
 *   <li><b>Lookups</b> return {@code Optional}; {@code find(id)} returns tombstoned rows too, with the flag set.
 *       Lists leave tombstoned rows (and, where a flag says so, deprecated connections) out.
 *   <li><b>Updates and tombstones</b> return {@code false} when the row does not exist; map that to 404.
 *       {@code update(record)} writes the fields its Javadoc names, including the record's {@code updatedAt};
 *       {@code tombstone}, status changes and everything a repository creates itself are stamped with
 *       {@link dev.gale.server.store.Database#now()}.
 *   <li><b>Deleting</b> workspaces, definitions, actors and operations is a tombstone; connections are deprecated
 *       ({@code ConnectionRepository.updateStatus}). No row that history points at is ever removed.
 *   <li><b>Atomic writes</b>, each one transaction: a definition with its first version; a connection with its
 *       operation list; every state write (it first locks the connection's row, so writers to one connection take
 *       turns and readers never see half a state); creating an attempt (locks the job's row, numbers attempts from
 *       0, marks the job running); saving an attempt's stats (replaces earlier ones). Anything else is one statement.
 *   <li><b>Values</b>: JSON documents are {@link com.fasterxml.jackson.databind.JsonNode}s stored as text; enums are
 *       stored as their Airbyte wire values; instants are stored in UTC to the microsecond.
 *   <li><b>Leases</b>: every write the queue makes for a worker checks, in its transaction, that the worker still
 *       holds the job's lease; a worker that lost it writes nothing.
 *   <li><b>Not here</b>: secrets (services store configurations with secrets already replaced).
 * </ul>
 */
package dev.gale.server.store;
