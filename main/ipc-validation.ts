/**
 * Every IPC message is checked twice before a handler sees it: who sent it (only our main window,
 * showing our own page, from its top frame) and what it carries (a zod schema per channel, with
 * limits on every string). Pure functions, tested without Electron.
 */
import { z } from 'zod';
import { CHANNELS, CONSOLE_WINDOW_CHANNELS, fail, type AppError, type Channel } from './contract';
import { MAX_FILE_BYTES, MAX_LABEL_CHARS, MAX_SETTINGS_BYTES, SLOT_ID_PATTERN } from './file-service';
import { isAppPageUrl, type AppOrigin } from './security-policy';
import { ConsoleMessageSchema } from './console-relay';

/** What we know about the caller of an IPC message (taken from Electron's event). */
export interface SenderInfo {
  /** `event.sender.id` */
  webContentsId: number;
  /** `event.senderFrame?.url`; null when the frame is gone. */
  frameUrl: string | null;
  /** Whether the sending frame is the page's main frame (not an iframe). */
  isMainFrame: boolean;
}

export interface TrustPolicy {
  /** The main window's webContents id, or null when there is no main window. */
  mainWebContentsId: number | null;
  /** The facilitator's console window's webContents id, when it is open. */
  consoleWebContentsId?: number | null;
  origin: AppOrigin;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

export function checkSender(sender: SenderInfo, policy: TrustPolicy, channel?: string): SenderCheck {
  if (policy.mainWebContentsId === null) return { ok: false, reason: 'no main window' };
  const fromConsole =
    policy.consoleWebContentsId !== undefined &&
    policy.consoleWebContentsId !== null &&
    sender.webContentsId === policy.consoleWebContentsId &&
    (CONSOLE_WINDOW_CHANNELS as readonly string[]).includes(channel ?? '');
  if (sender.webContentsId !== policy.mainWebContentsId && !fromConsole)
    return { ok: false, reason: `foreign webContents ${sender.webContentsId}` };
  if (!sender.isMainFrame) return { ok: false, reason: 'not the main frame' };
  if (sender.frameUrl === null) return { ok: false, reason: 'frame is gone' };
  if (!isAppPageUrl(sender.frameUrl, policy.origin)) return { ok: false, reason: `untrusted page ${truncate(sender.frameUrl, 200)}` };
  return { ok: true };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

// ---------------------------------------------------------------------------------------------
// Argument schemas
// ---------------------------------------------------------------------------------------------

/** Strings that are file contents: up to 50 MB (checked again in bytes before writing). */
const FileText = z.string().min(1).max(MAX_FILE_BYTES);

/**
 * A file name the renderer suggests for a save dialog: a plain name, never a path. No separators,
 * no characters Windows forbids, no control characters, not "." or "..".
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const FORBIDDEN_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;
export const FileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), 'a plain file name, without path separators or reserved characters')
  .refine((name) => name.replace(/\./g, '').trim() !== '', 'a file name needs more than dots and spaces');

export const SlotIdSchema = z.string().regex(SLOT_ID_PATTERN, 'a slot id is lower-case letters, digits and hyphens');

/** Save handles are opaque tokens main handed out in this session (see `file-handles.ts`). */
export const HandleSchema = z.string().regex(/^h-[0-9a-f]{32}$/, 'a save handle from this session');

/** Settings: a JSON object of preferences, small. */
export const SettingsSchema = z.record(z.string().min(1).max(128), z.json()).refine((value) => {
  try {
    return Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_SETTINGS_BYTES;
  } catch {
    return false;
  }
}, `settings are at most ${MAX_SETTINGS_BYTES} bytes`);

const none = z.tuple([]);
const one = <T extends z.ZodType>(schema: T) => z.tuple([schema]);

export const ARG_SCHEMAS = {
  'app:version': none,
  'game:open': none,
  'game:save': one(z.strictObject({ text: FileText, suggestedName: FileNameSchema, handle: HandleSchema.optional() })),
  'export:file': one(z.strictObject({ kind: z.enum(['json', 'csv', 'html']), suggestedName: FileNameSchema, text: FileText })),
  'export:pdf': one(z.strictObject({ suggestedName: FileNameSchema, html: FileText })),
  'autosave:write': one(z.strictObject({ id: SlotIdSchema, label: z.string().max(MAX_LABEL_CHARS), text: FileText })),
  'autosave:list': none,
  'autosave:read': one(z.strictObject({ id: SlotIdSchema })),
  'settings:get': none,
  'settings:set': one(z.strictObject({ settings: SettingsSchema })),
  'window:set-fullscreen': one(z.strictObject({ on: z.union([z.boolean(), z.literal('toggle')]) })),
  'console:open': none,
  'console:post': one(z.strictObject({ message: ConsoleMessageSchema })),
} as const satisfies Record<Channel, z.ZodType>;

/** The validated arguments of each channel. */
export type ChannelArgs = { [C in Channel]: z.infer<(typeof ARG_SCHEMAS)[C]> };

export function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && (CHANNELS as readonly string[]).includes(channel);
}

export type ArgsCheck<C extends Channel> = { ok: true; args: ChannelArgs[C] } | { ok: false; error: AppError; reason: string };

/** Fields whose overflow means "this file is too big", not "malformed message". */
const CONTENT_FIELDS = new Set(['text', 'html', 'settings']);

/** Validate a message's arguments for its channel (`args` is the `...args` array of `invoke`). */
export function validateArgs<C extends Channel>(channel: C, args: unknown): ArgsCheck<C>;
export function validateArgs(channel: string, args: unknown): ArgsCheck<Channel>;
export function validateArgs(channel: string, args: unknown): ArgsCheck<Channel> {
  if (!isChannel(channel)) {
    return { ...fail('invalid', 'error.ipc.unknownChannel', truncate(channel, 64)), reason: 'unknown channel' };
  }
  let parsed;
  try {
    parsed = ARG_SCHEMAS[channel].safeParse(args);
  } catch (error) {
    // e.g. a deeply nested settings object overflowing the stack
    return { ...fail('invalid', 'error.ipc.invalidArguments'), reason: error instanceof Error ? error.message : 'validation threw' };
  }
  if (parsed.success) return { ok: true, args: parsed.data };
  const issues = parsed.error.issues;
  const reason = truncate(issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; '), 500);
  const tooLarge = issues.some(
    (i) =>
      (i.code === 'too_big' && CONTENT_FIELDS.has(String(i.path[1]))) ||
      // The size limit is the settings' only custom check (their shape is checked by z.json()).
      (i.code === 'custom' && i.path.length === 2 && i.path[1] === 'settings'),
  );
  if (tooLarge) return { ...fail('too-large', 'error.file.tooLarge'), reason };
  return { ...fail('invalid', 'error.ipc.invalidArguments', truncate(issues.map((i) => i.path.join('.')).join(', '), 200)), reason };
}
