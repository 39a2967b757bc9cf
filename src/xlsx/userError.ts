/**
 * A problem the user can fix, in one German sentence. Kept apart from ./file (which needs node:fs) so the
 * browser build of the pane can use split and merge.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
