-- Tags group a workspace's connections (Airbyte's tag and connection_tag tables). A tag's name is unique in its
-- workspace; its color is six hexadecimal digits without '#'. Deleting a tag removes it from its connections.
CREATE TABLE tag (
  id           uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  name         varchar(256) NOT NULL,
  color        char(6) NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  CONSTRAINT tag_name_workspace_id_key UNIQUE (name, workspace_id)
);
CREATE INDEX tag_workspace_id_idx ON tag (workspace_id);

CREATE TABLE connection_tag (
  id            uuid PRIMARY KEY,
  tag_id        uuid NOT NULL REFERENCES tag (id),
  connection_id uuid NOT NULL REFERENCES connection (id),
  created_at    timestamptz NOT NULL,
  CONSTRAINT connection_tag_tag_id_connection_id_key UNIQUE (tag_id, connection_id)
);
CREATE INDEX connection_tag_connection_id_idx ON connection_tag (connection_id);
