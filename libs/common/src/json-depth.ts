/** Deepest nesting accepted in any JSON we read (bodies and uploaded files). Real documents need < 10. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `value` nests objects/arrays deeper than `max`. Iterative on purpose: a recursive walk (or
 * JSON.stringify, or class-transformer) overflows the stack on hostile input like `[[[[…]]]]` and
 * would turn a malformed request into a 500.
 */
export function exceedsJsonDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
