-- Each actor's stored configuration is sealed with an HMAC keyed by the secret key (see ConfigurationSeal), so a
-- row changed outside Gale (a host pointed elsewhere, an envelope swapped in from another actor) is refused rather
-- than used. Rows stored before this migration are sealed once by the process that applies it.
ALTER TABLE actor ADD COLUMN configuration_seal varchar(64);

-- What every process sharing this store must agree on: a value derived from the secret key (never the key). A
-- process started with another key refuses to start, instead of refusing every sealed row and every secret.
CREATE TABLE secret_key_check (
  id        smallint PRIMARY KEY,
  key_check varchar(64) NOT NULL
);
