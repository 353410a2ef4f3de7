-- The job queue for H2: the same as db/migration/postgresql, with H2's types. Workers of any number of Gale
-- processes claim jobs from the jobs table with row locks
-- (SELECT ... FOR UPDATE SKIP LOCKED) and hold them by a lease they renew while the attempt runs. A lease that
-- expires means its worker died: another worker reclaims the job.
ALTER TABLE jobs ADD COLUMN lease_owner varchar(255);
ALTER TABLE jobs ADD COLUMN lease_expires_at timestamp(6) with time zone;
ALTER TABLE jobs ADD COLUMN heartbeat_at timestamp(6) with time zone;
-- A failed attempt's retry waits until then (backoff); null means now.
ALTER TABLE jobs ADD COLUMN next_attempt_at timestamp(6) with time zone;
-- Set by jobs/cancel while a worker holds the job; the worker sees it at its next heartbeat.
ALTER TABLE jobs ADD COLUMN cancel_requested_at timestamp(6) with time zone;

-- Airbyte's attempts name the workflow and task queue that ran them; Gale records its worker there.
ALTER TABLE attempts ADD COLUMN workflow_id varchar(255);
ALTER TABLE attempts ADD COLUMN processing_task_queue varchar(255);

-- Each reset (clear) of a stream starts a new generation of its data; the destination drops older generations.
CREATE TABLE stream_generations (
  id               uuid PRIMARY KEY,
  connection_id    uuid NOT NULL REFERENCES connection (id),
  stream_name      varchar NOT NULL,
  stream_namespace varchar,
  generation_id    bigint NOT NULL,
  start_job_id     bigint NOT NULL REFERENCES jobs (id),
  created_at       timestamp(6) with time zone NOT NULL
);
CREATE INDEX stream_generations_connection_idx ON stream_generations (connection_id, stream_name);
