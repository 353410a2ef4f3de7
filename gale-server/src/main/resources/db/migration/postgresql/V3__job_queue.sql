-- The job queue: workers of any number of Gale processes claim jobs from the jobs table with row locks
-- (SELECT ... FOR UPDATE SKIP LOCKED) and hold them by a lease they renew while the attempt runs. A lease that
-- expires means its worker died: another worker reclaims the job.
ALTER TABLE jobs ADD COLUMN lease_owner varchar(255);
ALTER TABLE jobs ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE jobs ADD COLUMN heartbeat_at timestamptz;
-- A failed attempt's retry waits until then (backoff); null means now.
ALTER TABLE jobs ADD COLUMN next_attempt_at timestamptz;
-- Set by jobs/cancel while a worker holds the job; the worker sees it at its next heartbeat.
ALTER TABLE jobs ADD COLUMN cancel_requested_at timestamptz;

-- Airbyte's attempts name the workflow and task queue that ran them; Gale records its worker there.
ALTER TABLE attempts ADD COLUMN workflow_id varchar(255);
ALTER TABLE attempts ADD COLUMN processing_task_queue varchar(255);

-- Each reset (clear) of a stream starts a new generation of its data; the destination drops older generations.
CREATE TABLE stream_generations (
  id               uuid PRIMARY KEY,
  connection_id    uuid NOT NULL REFERENCES connection (id),
  stream_name      text NOT NULL,
  stream_namespace text,
  generation_id    bigint NOT NULL,
  start_job_id     bigint NOT NULL REFERENCES jobs (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX stream_generations_connection_idx ON stream_generations (connection_id, stream_name);
