/**
 * Parsing at the edge: a file's JSON becomes a typed value or a SpecError naming the file and field.
 */
import type { z } from 'zod';

export class SpecError extends Error {
  constructor(
    /** The file (or other source) the value came from. */
    readonly source: string,
    /** Dotted path of the offending field, '' for the whole document. */
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${source}: ${field || '(document)'}: ${detail}`);
    this.name = 'SpecError';
  }
}

type Issue = z.core.$ZodIssue;

/** Parses `value` with `schema`, throwing a SpecError for the most specific issue found. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = mostSpecific(result.error.issues);
  const path = issue.path.map(String);
  let detail = issue.message;
  if (issue.code === 'unrecognized_keys') {
    detail = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    if (issue.keys.length === 1) path.push(issue.keys[0]!);
  }
  throw new SpecError(source, path.join('.'), detail);
}

/**
 * Union failures carry one issue list per branch. A branch whose issues are only about values
 * (not missing or unknown keys) is the shape the author meant: report its first issue. When every
 * branch misses keys, the document has none of the shapes: report the union's own message.
 */
function mostSpecific(issues: readonly Issue[]): Issue {
  const first = issues[0]!;
  if (first.code !== 'invalid_union' || first.errors.length === 0) return first;
  const branches = first.errors.map((branch) => branch.map((i) => ({ ...i, path: [...first.path, ...i.path] }) as Issue));
  const fit = branches.find((branch) => !branch.some(isShapeMismatch));
  return fit ? mostSpecific(fit) : first;
}

function isShapeMismatch(i: Issue): boolean {
  return i.code === 'unrecognized_keys' || (i.code === 'invalid_type' && /received undefined/.test(i.message));
}

/** JSON.parse with the file named in the error. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError(source, '', `not valid JSON (${(e as Error).message})`);
  }
}
