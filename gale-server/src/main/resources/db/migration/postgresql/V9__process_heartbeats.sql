-- Every running Gale process (a server, or a worker started with `gale worker`) keeps a row here: written when it
-- starts and again every few seconds, deleted when it stops gracefully. The processes alive are the rows seen lately,
-- idle ones included; a row not seen for three intervals belongs to a process that died, and is pruned.
CREATE TABLE process_heartbeats (
  process_id varchar(255) PRIMARY KEY,
  kind       varchar(16) NOT NULL,
  host       varchar(255) NOT NULL,
  workers    integer NOT NULL,
  started_at timestamptz NOT NULL,
  seen_at    timestamptz NOT NULL
);
