#!/usr/bin/env node
// Regenerate what is drawn from the code: schema/report.schema.json and README's measure table.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { reportSchema } from '../dist/index.js'
import { withMeasures } from '../dist/report/docs.js'

mkdirSync('schema', { recursive: true })
writeFileSync('schema/report.schema.json', JSON.stringify(reportSchema, null, 2) + '\n')
writeFileSync('README.md', withMeasures(readFileSync('README.md', 'utf8')))
console.log('wrote schema/report.schema.json and README.md measures')
