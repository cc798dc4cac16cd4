/**
 * The desktop relay between the main window (the public screen, which owns the game) and the
 * facilitator's console window. Main only passes messages on, but it still checks each one: its
 * envelope field by field (the receiving window checks the meaning again), and its direction — the
 * console asks (hello, unlock, command), the main window answers (locked, snapshot). A message in
 * the wrong direction, or from any other window, goes nowhere. Pure, tested without Electron.
 */
import { z } from 'zod';

/** A snapshot holds the whole game (every branch's log): at most 16 MB of JSON. */
export const MAX_CONSOLE_MESSAGE_CHARS = 16 * 1024 * 1024;
/** The longest passphrase the console sends (as the renderer's own check). */
export const MAX_PASSPHRASE_CHARS = 200;
/** Consoles one main window answers at once (a snapshot names them). */
const MAX_CONSOLES = 16;

const ConsoleId = z.string().regex(/^[a-z0-9]{1,64}$/, 'a console id is up to 64 lower-case letters and digits');

export const CONSOLE_TO_MAIN = ['hello', 'unlock', 'command'] as const;
export const MAIN_TO_CONSOLE = ['locked', 'snapshot'] as const;

export const ConsoleMessageSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('hello'), consoleId: ConsoleId }),
    z.strictObject({ type: z.literal('unlock'), consoleId: ConsoleId, passphrase: z.string().max(MAX_PASSPHRASE_CHARS) }),
    z.strictObject({
      type: z.literal('command'),
      consoleId: ConsoleId,
      command: z.looseObject({ type: z.string().regex(/^[a-zA-Z]{1,32}$/) }),
    }),
    z.strictObject({ type: z.literal('locked'), to: ConsoleId, wrong: z.boolean() }),
    z.strictObject({ type: z.literal('snapshot'), to: z.array(ConsoleId).max(MAX_CONSOLES), snapshot: z.looseObject({}) }),
  ])
  .refine((value) => {
    try {
      return JSON.stringify(value).length <= MAX_CONSOLE_MESSAGE_CHARS;
    } catch {
      return false;
    }
  }, `a console message is at most ${MAX_CONSOLE_MESSAGE_CHARS} characters of JSON`);

export type ConsoleMessage = z.infer<typeof ConsoleMessageSchema>;

export interface RelayWindows {
  /** The main window's webContents id, or null when it is gone. */
  main: number | null;
  /** The console window's webContents id, or null when it is not open. */
  console: number | null;
}

export type RelayDecision = { to: number } | { to: null; reason: string };

/** Where a checked message from `fromId` goes: the other window, if the direction is right. */
export function relayTarget(type: ConsoleMessage['type'], fromId: number, w: RelayWindows): RelayDecision {
  if (w.main !== null && fromId === w.main) {
    if (!(MAIN_TO_CONSOLE as readonly string[]).includes(type)) return { to: null, reason: `the main window does not send "${type}"` };
    return w.console === null ? { to: null, reason: 'no console window' } : { to: w.console };
  }
  if (w.console !== null && fromId === w.console) {
    if (!(CONSOLE_TO_MAIN as readonly string[]).includes(type)) return { to: null, reason: `the console does not send "${type}"` };
    return w.main === null ? { to: null, reason: 'no main window' } : { to: w.main };
  }
  return { to: null, reason: `webContents ${fromId} is neither window` };
}
