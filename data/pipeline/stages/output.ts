// Writing pipeline outputs: schema validation of what is written, and the byte-stable one-value-per-line layout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { PipelineError } from '../read';

/** Validate an output value against its published schema; a failure names the output and the field. */
export function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new PipelineError(
      what,
      `output fails its schema at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  return r.data;
}

/** One JSON value per line inside an array: small diffs, byte-stable. */
export function jsonLines(head: string, items: unknown[], tail: string): string {
  return `${head}\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n${tail}\n`;
}

/** Write one output file into the output folder. */
export function writeOutput(outDir: string, file: string, text: string): void {
  writeFileSync(join(outDir, file), text);
}
