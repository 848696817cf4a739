import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenApiValidator } from '../common/openapi-validator';

const relative = 'shared/specs/visma/angoyd-Visma.Net.Swagger/v1_20250424/swagger.json';

/** The official Visma.net ERP description: `../shared/specs/…` beside the repo (as CI checks it out). */
export function defaultVismaSpecFile(): string {
  const repoRoot = new URL('../../../', import.meta.url);
  const beside = fileURLToPath(new URL(`../${relative}`, repoRoot));
  if (existsSync(beside)) return beside;
  const inside = fileURLToPath(new URL(relative, repoRoot));
  return existsSync(inside) ? inside : beside;
}

/** A validator loaded with the Visma description (date-times without offset accepted, as Visma sends them). */
export function vismaValidator(specFile = defaultVismaSpecFile()): OpenApiValidator {
  if (!existsSync(specFile)) throw new Error(`The Visma OpenAPI description was not found at ${specFile}.`);
  return new OpenApiValidator('3.0', { dateTimeWithoutOffset: true }).addSpec('visma', specFile);
}
