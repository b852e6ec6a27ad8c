// Validation issues in plain words for notices: which field, and what is wrong with it.
import type { z } from 'zod';

/** What a field should be, in plain words (zod's type names otherwise). */
const EXPECTED: Record<string, string> = {
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'empty (null)',
};

/**
 * A validation issue in plain words for a notice: which field and what is wrong with it, e.g. `field "anchor" should
 * be a list, not null` or `the record should be an object, not null` (not the validator's own wording).
 */
export function plainIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'the record is not valid';
  const where = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the record';
  const received = /received ([a-z]+)/.exec(issue.message)?.[1];
  switch (issue.code) {
    case 'invalid_type':
      return `${where} should be ${EXPECTED[issue.expected] ?? issue.expected}${received ? `, not ${received}` : ''}`;
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin !== 'number'
        ? `${where} is empty`
        : `${where} is below its minimum (${String(issue.minimum)})`;
    case 'too_big':
      return `${where} is above its maximum (${String(issue.maximum)})`;
    case 'invalid_format':
      // The schemas name their formats ("ISO 3166-1 alpha-3 code"); zod's own wording starts with "Invalid".
      return /^Invalid/.test(issue.message)
        ? `${where} is not in the expected format`
        : `${where} is not a valid ${issue.message}`;
    case 'invalid_value':
      return `${where} is not one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${where} has unexpected fields (${issue.keys.join(', ')})`;
    default:
      return `${where} is not valid`;
  }
}
