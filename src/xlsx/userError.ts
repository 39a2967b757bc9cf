/**
 * A problem the user can fix, as a code with parameters and its one German sentence, as zod keeps its
 * issues: each area words its problems in one message table (src/cli/messages.ts, src/xlsx/messages.ts)
 * and throws only codes and facts. Kept apart from ./file (which needs node:fs) so the browser build of the
 * pane can use split and merge.
 */

/** An area's messages: each code renders its parameters as whole German sentences. */
export type MessageTable = Record<string, (params: never) => string>;

/** The parameters a code of a table is rendered from (`{}` for a message without any). */
export type ParamsOf<T extends MessageTable, C extends keyof T> =
  Parameters<T[C]> extends [] ? Record<string, never> : Parameters<T[C]>[0];

export class UserError extends Error {
  constructor(
    /** The code in its area's message table. */
    readonly code: string,
    /** The facts the message is rendered from. */
    readonly params: object,
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The sentence of a code, rendered from its parameters by the table. */
export function renderCode<T extends MessageTable, C extends keyof T & string>(
  table: T,
  code: C,
  params: ParamsOf<T, C>,
): string {
  return (table[code] as (p: ParamsOf<T, C>) => string)(params);
}

/** The maker of an area's user errors: a code of its table with that code's parameters (exit code 2). */
export function userErrors<T extends MessageTable>(table: T) {
  return <C extends keyof T & string>(code: C, params: ParamsOf<T, C>, exitCode = 2): UserError =>
    new UserError(code, params as object, renderCode(table, code, params), exitCode);
}
