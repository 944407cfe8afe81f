/** C0 controls and DEL: never valid in a query parameter, a path parameter or a header-like value. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
/** In body text, tab, line feed and carriage return are ordinary; every other control is refused. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A lone UTF-16 surrogate (JSON `"\ud800"`): not text, and some parsers throw on it. */
const LONE_SURROGATE = /\p{Cs}/u;
export const MAX_BODY_DEPTH = 32;
/** Path parameters named `id` or `…Id` are UUIDs on every route. */
const ID_PARAM = /^(id|[a-z]+Id)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InputProblem {
  /** The parameter or body path, e.g. `sig`, `name` or `steps.0.text`. */
  field: string;
  code: 'INVALID_QUERY' | 'CONTROL_CHARACTERS' | 'INVALID_TEXT' | 'INVALID_ID' | 'BODY_TOO_DEEP';
  message: string;
}

const problem = (field: string, code: InputProblem['code'], message: string): InputProblem => ({
  field,
  code,
  message,
});

/** Every query parameter must be one plain string (no repeats, no `a[]`/`a[b]` forms, no controls). */
export function queryProblem(query: Record<string, unknown>): InputProblem | undefined {
  for (const [raw, value] of Object.entries(query)) {
    const name = raw.slice(0, 100);
    const shown = JSON.stringify(name);
    if (ANY_CONTROL.test(raw) || /[[\]]/.test(raw))
      return problem(name, 'INVALID_QUERY', `Query parameter name ${shown} is not allowed`);
    if (typeof value !== 'string')
      return problem(name, 'INVALID_QUERY', `Query parameter ${name} must be given once, as a single value`);
    if (ANY_CONTROL.test(value))
      return problem(
        name,
        'CONTROL_CHARACTERS',
        `Query parameter ${name} must not contain control characters`,
      );
  }
  return undefined;
}

/** Path parameters are decoded from the URL: `%00` and friends are refused, ids must be UUIDs. */
export function paramsProblem(params: Record<string, unknown>): InputProblem | undefined {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') continue;
    if (ANY_CONTROL.test(value))
      return problem(name, 'CONTROL_CHARACTERS', `${name} must not contain control characters`);
    if (ID_PARAM.test(name) && !UUID.test(value))
      return problem(name, 'INVALID_ID', `${name} in the path must be a UUID`);
  }
  return undefined;
}

/** Walks a parsed JSON or form body: strings (and keys) free of NUL and other controls, bounded depth. */
export function bodyProblem(body: unknown, path = '', depth = 0): InputProblem | undefined {
  if (typeof body === 'string') {
    const field = path || 'body';
    if (BODY_CONTROL.test(body))
      return problem(field, 'CONTROL_CHARACTERS', `${field} must not contain control characters`);
    if (LONE_SURROGATE.test(body))
      return problem(field, 'INVALID_TEXT', `${field} must be well-formed Unicode text`);
    return undefined;
  }
  if (body === null || typeof body !== 'object') return undefined;
  if (depth >= MAX_BODY_DEPTH)
    return problem(
      path,
      'BODY_TOO_DEEP',
      `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`,
    );
  for (const [key, value] of Object.entries(body)) {
    const at = path ? `${path}.${key}` : key;
    if (BODY_CONTROL.test(key))
      return problem(path || 'body', 'CONTROL_CHARACTERS', 'Body keys must not contain control characters');
    const found = bodyProblem(value, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}
