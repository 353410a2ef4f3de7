-- Gale's configuration tables for H2: the same tables as db/migration/postgresql, with H2's types (clob for
-- JSON text, varchar where PostgreSQL says text but the column is compared or indexed, timestamp with time zone).

CREATE TABLE workspace (
  id                        uuid PRIMARY KEY,
  organization_id           uuid NOT NULL,
  name                      varchar(256) NOT NULL,
  slug                      varchar(256) NOT NULL,
  email                     varchar(256),
  initial_setup_complete    boolean NOT NULL,
  display_setup_wizard      boolean NOT NULL,
  anonymous_data_collection boolean NOT NULL,
  send_newsletter           boolean NOT NULL,
  send_security_updates     boolean NOT NULL,
  notifications             clob,
  notification_settings     clob,
  webhook_operation_configs clob,
  first_sync_complete       boolean NOT NULL,
  feedback_complete         boolean NOT NULL,
  geography                 varchar(32) NOT NULL,
  tombstone                 boolean NOT NULL DEFAULT false,
  created_at                timestamp(6) with time zone NOT NULL,
  updated_at                timestamp(6) with time zone NOT NULL
);
CREATE INDEX workspace_organization_id_idx ON workspace (organization_id);
CREATE INDEX workspace_slug_idx ON workspace (slug);

CREATE TABLE actor_definition (
  id                    uuid PRIMARY KEY,
  name                  varchar(256) NOT NULL,
  icon                  clob,
  actor_type            varchar(32) NOT NULL,
  source_type           varchar(32),
  custom                boolean NOT NULL DEFAULT false,
  public                boolean NOT NULL DEFAULT false,
  tombstone             boolean NOT NULL DEFAULT false,
  default_version_id    uuid,
  resource_requirements clob,
  created_at            timestamp(6) with time zone NOT NULL,
  updated_at            timestamp(6) with time zone NOT NULL
);
CREATE INDEX actor_definition_actor_type_idx ON actor_definition (actor_type);

CREATE TABLE actor_definition_version (
  id                  uuid PRIMARY KEY,
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  docker_repository   varchar(256) NOT NULL,
  docker_image_tag    varchar(256) NOT NULL,
  documentation_url   varchar(256),
  spec                clob NOT NULL,
  protocol_version    varchar(256),
  release_stage       varchar(32),
  release_date        date,
  support_level       varchar(32) NOT NULL,
  created_at          timestamp(6) with time zone NOT NULL,
  CONSTRAINT actor_definition_version_definition_tag_key UNIQUE (actor_definition_id, docker_image_tag)
);
-- A definition and its versions point at each other; the definition is inserted first, without a default.
ALTER TABLE actor_definition ADD CONSTRAINT actor_definition_default_version_fkey
  FOREIGN KEY (default_version_id) REFERENCES actor_definition_version (id);

CREATE TABLE actor_definition_workspace_grant (
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  workspace_id        uuid NOT NULL REFERENCES workspace (id),
  PRIMARY KEY (actor_definition_id, workspace_id)
);
CREATE INDEX actor_definition_workspace_grant_workspace_idx ON actor_definition_workspace_grant (workspace_id);

CREATE TABLE actor (
  id                  uuid PRIMARY KEY,
  workspace_id        uuid NOT NULL REFERENCES workspace (id),
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  name                varchar(256) NOT NULL,
  configuration       clob NOT NULL,
  actor_type          varchar(32) NOT NULL,
  tombstone           boolean NOT NULL DEFAULT false,
  created_at          timestamp(6) with time zone NOT NULL,
  updated_at          timestamp(6) with time zone NOT NULL
);
CREATE INDEX actor_workspace_type_idx ON actor (workspace_id, actor_type);
CREATE INDEX actor_actor_definition_id_idx ON actor (actor_definition_id);

CREATE TABLE actor_catalog (
  id           uuid PRIMARY KEY,
  catalog      clob NOT NULL,
  catalog_hash varchar(64) NOT NULL,
  created_at   timestamp(6) with time zone NOT NULL,
  -- Unique, unlike Airbyte's 32-bit hash: Gale's hash is a SHA-256, so equal hashes mean equal catalogs.
  CONSTRAINT actor_catalog_hash_key UNIQUE (catalog_hash)
);

CREATE TABLE actor_catalog_fetch_event (
  id               uuid PRIMARY KEY,
  actor_catalog_id uuid NOT NULL REFERENCES actor_catalog (id),
  actor_id         uuid NOT NULL REFERENCES actor (id),
  config_hash      varchar(64) NOT NULL,
  actor_version    varchar(256) NOT NULL,
  created_at       timestamp(6) with time zone NOT NULL
);
CREATE INDEX actor_catalog_fetch_event_actor_idx ON actor_catalog_fetch_event (actor_id, created_at DESC);
CREATE INDEX actor_catalog_fetch_event_catalog_idx ON actor_catalog_fetch_event (actor_catalog_id);

CREATE TABLE operation (
  id                     uuid PRIMARY KEY,
  workspace_id           uuid NOT NULL REFERENCES workspace (id),
  name                   varchar(256) NOT NULL,
  operator_type          varchar(32) NOT NULL,
  operator_configuration clob NOT NULL,
  tombstone              boolean NOT NULL DEFAULT false,
  created_at             timestamp(6) with time zone NOT NULL,
  updated_at             timestamp(6) with time zone NOT NULL
);
CREATE INDEX operation_workspace_id_idx ON operation (workspace_id);

CREATE TABLE connection (
  id                             uuid PRIMARY KEY,
  name                           varchar(256) NOT NULL,
  source_id                      uuid NOT NULL REFERENCES actor (id),
  destination_id                 uuid NOT NULL REFERENCES actor (id),
  namespace_definition           varchar(32) NOT NULL,
  namespace_format               varchar(256),
  prefix                         varchar(256),
  catalog                        clob NOT NULL,
  schedule_type                  varchar(32) NOT NULL,
  schedule_data                  clob,
  status                         varchar(32) NOT NULL,
  resource_requirements          clob,
  source_catalog_id              uuid REFERENCES actor_catalog (id),
  geography                      varchar(32) NOT NULL,
  breaking_change                boolean NOT NULL DEFAULT false,
  non_breaking_change_preference varchar(32) NOT NULL,
  notify_schema_changes          boolean NOT NULL,
  notify_schema_changes_by_email boolean NOT NULL,
  backfill_preference            varchar(32) NOT NULL,
  created_at                     timestamp(6) with time zone NOT NULL,
  updated_at                     timestamp(6) with time zone NOT NULL
);
CREATE INDEX connection_source_id_idx ON connection (source_id);
CREATE INDEX connection_destination_id_idx ON connection (destination_id);
CREATE INDEX connection_status_idx ON connection (status);

CREATE TABLE connection_operation (
  id            uuid PRIMARY KEY,
  connection_id uuid NOT NULL REFERENCES connection (id),
  operation_id  uuid NOT NULL REFERENCES operation (id),
  -- Operations run in the order the connection lists them; Airbyte keeps no order.
  position      integer NOT NULL,
  created_at    timestamp(6) with time zone NOT NULL,
  updated_at    timestamp(6) with time zone NOT NULL,
  CONSTRAINT connection_operation_connection_operation_key UNIQUE (connection_id, operation_id)
);
CREATE INDEX connection_operation_operation_id_idx ON connection_operation (operation_id);

-- One row per stream (type STREAM or GLOBAL), plus one row without a stream for a GLOBAL shared state or a LEGACY
-- blob. Replacing a state deletes and inserts the rows in one transaction, holding the connection's row lock.
CREATE TABLE state (
  id            uuid PRIMARY KEY,
  connection_id uuid NOT NULL REFERENCES connection (id),
  stream_name   varchar,
  namespace     varchar,
  type          varchar(32) NOT NULL,
  state         clob,
  created_at    timestamp(6) with time zone NOT NULL,
  updated_at    timestamp(6) with time zone NOT NULL,
  CONSTRAINT state_connection_stream_key UNIQUE (connection_id, stream_name, namespace)
);
