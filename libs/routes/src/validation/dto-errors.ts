import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from '@switchboard/common/errors';

/** Constraints that say what a field IS: when one fails, the others (length, range…) only add noise. */
const TYPE_CONSTRAINTS = [
  'isString',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isIn',
  'nestedValidation',
];

/** One detail per field: the most useful of its failed constraints. */
export function collectErrors(errors: ValidationError[], prefix: string, details: ErrorDetail[]): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      details.push({ path, message: mostUsefulMessage(error, error.constraints) });
    }
    if (error.children?.length) collectErrors(error.children, path, details);
  }
}

function mostUsefulMessage(error: ValidationError, constraints: Record<string, string>): string {
  if (constraints.whitelistValidation !== undefined) return `unknown field "${error.property}"`;
  if (error.value === undefined || error.value === null) return `${error.property} is required`;
  const typeConstraint = TYPE_CONSTRAINTS.find((name) => constraints[name] !== undefined);
  return constraints[typeConstraint ?? Object.keys(constraints)[0]];
}
