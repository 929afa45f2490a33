import { Ajv, type ErrorObject } from 'ajv'
import { reportSchema } from './schema.js'

let validator: ReturnType<Ajv['compile']> | null = null

/** Validate a report against the published JSON Schema; returns the errors (empty: valid). */
export function validateReport(report: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(reportSchema)
  return validator(report) ? [] : [...(validator.errors ?? [])]
}
