/** The context every command runs in: where its output goes, today's date, its progress lines. */
import { type IsoDate, localIsoDate } from "../domain/dates";
import type { ParsedArgs } from "./args";
import type { Progress } from "./progress";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Today's date; tests pin it. */
  today(): IsoDate;
  /** Milliseconds of a monotonic clock, for progress lines; tests advance it. Default: the real clock. */
  now?(): number;
}

/** The context a command runs in: its output, today's date and its progress lines. */
export interface Run {
  io: Io;
  progress: Progress;
}

/** A command's own code: its parsed arguments in, its exit code out. */
export type CommandRun = (args: ParsedArgs, run: Run) => Promise<number>;

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  today: () => localIsoDate(new Date()),
  now: () => performance.now(),
};
