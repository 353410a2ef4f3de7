#!/usr/bin/env node
// A source written with Faros' Airbyte CDK (faros-airbyte-cdk), a CDK Gale did not write. It reads one stream,
// `items`, from the JSON file named in its config (an array of {id, name, updated_at}), incrementally by updated_at.
'use strict';
const fs = require('fs');
const cdk = require('faros-airbyte-cdk');

const SPEC = {
  documentationUrl: 'https://example.com/items-source',
  connectionSpecification: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Items from a JSON file',
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
      path: {type: 'string', title: 'JSON file holding an array of items'},
      api_key: {type: 'string', title: 'Unused; a secret the logs must not show', airbyte_secret: true},
    },
  },
};

function readItems(path) {
  const items = JSON.parse(fs.readFileSync(path, 'utf8'));
  if (!Array.isArray(items)) {
    throw new Error(`${path} holds no JSON array`);
  }
  return items;
}

class Items extends cdk.AirbyteStreamBase {
  constructor(logger, config) {
    super(logger);
    this.config = config;
  }

  getJsonSchema() {
    return {
      type: 'object',
      // The CDK adds a __faros_data field to each record unless the schema opts out.
      __faros_skip_data: true,
      properties: {
        id: {type: 'integer'},
        name: {type: 'string'},
        updated_at: {type: 'string', format: 'date-time'},
      },
    };
  }

  get primaryKey() {
    return 'id';
  }

  get cursorField() {
    return 'updated_at';
  }

  get stateCheckpointInterval() {
    return 2;
  }

  async *readRecords(syncMode, cursorField, streamSlice, streamState) {
    const after = syncMode === cdk.SyncMode.INCREMENTAL ? streamState?.updated_at : undefined;
    const items = readItems(this.config.path)
      .filter((item) => !after || item.updated_at > after)
      .sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    for (const item of items) {
      yield item;
    }
  }

  getUpdatedState(currentStreamState, latestRecord) {
    const before = currentStreamState?.updated_at ?? '';
    return {updated_at: latestRecord.updated_at > before ? latestRecord.updated_at : before};
  }
}

class ItemsSource extends cdk.AirbyteSourceBase {
  get type() {
    return 'gale-items';
  }

  async spec() {
    return new cdk.AirbyteSpec(SPEC);
  }

  async checkConnection(config) {
    try {
      readItems(config.path);
      return [true, undefined];
    } catch (e) {
      return [false, new Error(`Cannot read items: ${e.message}`)];
    }
  }

  streams(config) {
    return [new Items(this.logger, config)];
  }
}

const logger = new cdk.AirbyteSourceLogger();
new cdk.AirbyteSourceRunner(logger, new ItemsSource(logger)).mainCommand().parseAsync(process.argv)
  .catch((e) => {
    logger.error(e.message, e.stack);
    process.exit(1);
  });
