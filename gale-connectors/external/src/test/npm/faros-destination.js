#!/usr/bin/env node
// The Faros destination ships as a library without a program: this starts its own command line (spec, check, write).
require('airbyte-faros-destination').mainCommand().parseAsync(process.argv);
