-- Declarative (low-code) source definitions: an actor_definition whose versions are the versions of its manifest.
-- Every manifest version is kept; the newest is the one the definition runs, and its actor_definition_version
-- (docker_image_tag = the version number) carries the specification read from that manifest.
CREATE TABLE declarative_manifest (
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  version             bigint NOT NULL,
  manifest            clob NOT NULL,
  created_at          timestamp(6) with time zone NOT NULL,
  PRIMARY KEY (actor_definition_id, version)
);
