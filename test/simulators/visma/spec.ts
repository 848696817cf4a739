import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenApiValidator } from '../common/openapi-validator';

/** The official Visma.net ERP description: `test/simulators/specs/visma/` (see its README). */
export function defaultVismaSpecFile(): string {
  return fileURLToPath(new URL('../specs/visma/visma-net-erp-v1.json', import.meta.url));
}

/** A validator loaded with the Visma description (date-times without offset accepted, as Visma sends them). */
export function vismaValidator(specFile = defaultVismaSpecFile()): OpenApiValidator {
  if (!existsSync(specFile)) throw new Error(`The Visma OpenAPI description was not found at ${specFile}.`);
  return new OpenApiValidator('3.0', { dateTimeWithoutOffset: true }).addSpec('visma', specFile);
}
