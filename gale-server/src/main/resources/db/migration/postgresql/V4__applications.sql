-- Applications of the Public API: a client id and secret that buy short-lived bearer tokens. The secret is stored
-- as a SecretCipher envelope: checkable and showable by the server, never readable in clear from the database.
CREATE TABLE application (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  name            varchar(256) NOT NULL,
  client_id       varchar(64) NOT NULL,
  client_secret   text NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX application_client_id_idx ON application (client_id);
CREATE INDEX application_user_id_idx ON application (user_id);
