-- A manifest version may say what changed in it (Airbyte's declarative_manifest.description).
ALTER TABLE declarative_manifest ADD COLUMN description text;

-- Airbyte's connector builder projects: a workspace's draft of a declarative source, its testing values, and once
-- published the definition it became. Testing values are a configuration: stored with their secrets encrypted, by
-- the connection specification kept beside them (so they reveal the same way after the manifest changes).
CREATE TABLE connector_builder_project (
  id                               uuid PRIMARY KEY,
  workspace_id                     uuid NOT NULL REFERENCES workspace (id),
  name                             varchar(256) NOT NULL,
  actor_definition_id              uuid REFERENCES actor_definition (id),
  manifest_draft                   text,
  testing_values                   text,
  testing_values_spec              text,
  base_actor_definition_version_id uuid,
  contribution_pull_request_url    text,
  contribution_actor_definition_id uuid,
  tombstone                        boolean NOT NULL DEFAULT false,
  created_at                       timestamptz NOT NULL,
  updated_at                       timestamptz NOT NULL
);
CREATE INDEX connector_builder_project_workspace_idx ON connector_builder_project (workspace_id);
CREATE INDEX connector_builder_project_definition_idx ON connector_builder_project (actor_definition_id);

-- Declarative definitions stored before projects existed get the project Airbyte gives every published one, in
-- the workspace that owns them, so connector_builder_projects/get_for_definition_id finds them.
INSERT INTO connector_builder_project (id, workspace_id, name, actor_definition_id, tombstone, created_at, updated_at)
SELECT CAST(md5('builder project of ' || CAST(d.id AS text)) AS uuid), g.workspace_id, d.name, d.id, d.tombstone,
       d.created_at, d.updated_at
FROM actor_definition d JOIN actor_definition_workspace_grant g ON g.actor_definition_id = d.id
WHERE EXISTS (SELECT 1 FROM declarative_manifest m WHERE m.actor_definition_id = d.id);
