/**
 * File I/O for the main process, free of Electron so tests can run it on real files:
 * atomic writes (temp file in the same directory → fsync → rename over the target), bounded and
 * validated reads, rotating autosave slots and the settings file.
 *
 * Every failure is a `ServiceError` with an i18n message key; the renderer never sees raw errors.
 */
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ServiceError, type AutosaveEntry } from './contract';

/** The largest file the app reads or writes (saves, logs, reports). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Files are written in chunks of this size, so a huge save never needs a second full copy. */
const WRITE_CHUNK_BYTES = 1024 * 1024;

function errnoOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

function ioError(messageKey: string, error: unknown, file: string): ServiceError {
  if (error instanceof ServiceError) return error;
  return new ServiceError('io', messageKey, `${errnoOf(error)} ${basename(file)}`, { cause: error });
}

/** A temp file next to `target` (same directory, so the rename is atomic on one filesystem). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a directory entry is one of our temp files (left behind only if the process died mid-write). */
export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

const isWindows = process.platform === 'win32';

/** On Windows a virus scanner or indexer may hold the target for a moment: retry a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errnoOf(error);
      if (!isWindows || attempt >= 4 || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw error;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/** Make the rename itself durable (POSIX). Windows cannot open directories: skip there. */
async function syncDirectory(dir: string): Promise<void> {
  if (isWindows) return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: some filesystems refuse fsync on directories; the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Write `data` to `target` so that, whatever happens, `target` holds either its old content or the
 * complete new content — never a partial or empty file. No temp file survives a failure we can catch.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const bytes = toBytes(data);
  const temp = tempPathFor(target);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(WRITE_CHUNK_BYTES, bytes.length - offset));
      offset += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw ioError('error.io.write', error, target);
  }
  await syncDirectory(dirname(target));
}

/** The same guarantee, synchronously: for the last write on quit (window bounds), when no await will finish. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const bytes = toBytes(data);
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    for (let offset = 0; offset < bytes.length;) {
      offset += writeSync(fd, bytes, offset, Math.min(WRITE_CHUNK_BYTES, bytes.length - offset));
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      /* may not exist */
    }
    throw ioError('error.io.write', error, target);
  }
}

/** Remove temp files a killed process left in `dir` (never touches anything else). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter(isTempFileName)) {
    try {
      await unlink(join(dir, name));
      removed++;
    } catch {
      // Someone else's file or already gone: leave it.
    }
  }
  return removed;
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 50 MB). */
  maxBytes?: number;
  /** Allow an empty file (default false: an empty save is a damaged save). */
  allowEmpty?: boolean;
}

/** Read a whole file, refusing it (without reading it all) when it is larger than `maxBytes`. */
async function readBounded(path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioError('error.io.read', error, path);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ServiceError('invalid', 'error.file.notAFile', basename(path));
    if (info.size > maxBytes) throw new ServiceError('too-large', 'error.file.tooLarge', `${info.size} > ${maxBytes} bytes`);
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new ServiceError('too-large', 'error.file.tooLarge', `> ${maxBytes} bytes`);
    return buffer.subarray(0, length);
  } catch (error) {
    throw ioError('error.io.read', error, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Decode UTF-8 strictly: a truncated multi-byte sequence, invalid bytes or NUL characters mean the
 * file is damaged or not a text file. A leading byte-order mark is dropped.
 */
export function decodeUtf8Text(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('invalid', 'error.file.notText', `${name}: not valid UTF-8`);
  }
  if (text.includes('\u0000')) throw new ServiceError('invalid', 'error.file.notText', `${name}: contains NUL characters`);
  return text;
}

/** Read a UTF-8 text file with a size limit and strict decoding. */
export async function readTextFile(path: string, options: ReadOptions = {}): Promise<string> {
  const bytes = await readBounded(path, options.maxBytes ?? MAX_FILE_BYTES);
  if (bytes.length === 0 && !options.allowEmpty) throw new ServiceError('invalid', 'error.file.empty', basename(path));
  return decodeUtf8Text(bytes, basename(path));
}

/** Read and parse a JSON file (size-limited, strict UTF-8). */
export async function readJsonFile(path: string, options: ReadOptions = {}): Promise<unknown> {
  const text = await readTextFile(path, options);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ServiceError('invalid', 'error.file.notJson', `${basename(path)}: ${error instanceof Error ? error.message : 'parse error'}`);
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Autosaves
// ---------------------------------------------------------------------------------------------

/** Slot ids: lower-case letters, digits and inner hyphens, at most 64 characters. No dots, no slashes. */
export const SLOT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const MAX_LABEL_CHARS = 200;
export const DEFAULT_AUTOSAVE_KEEP = 5;
/** The header line is small (id, label, time, hash); read no more than this to list a slot. */
const HEADER_MAX_BYTES = 8 * 1024;
const AUTOSAVE_FORMAT = 'cordillera-autosave';

export function isValidSlotId(id: unknown): id is string {
  return typeof id === 'string' && SLOT_ID_PATTERN.test(id);
}

const AutosaveHeaderSchema = z.strictObject({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(1),
  id: z.string().regex(SLOT_ID_PATTERN),
  label: z.string().max(MAX_LABEL_CHARS),
  savedAt: z.string().max(64),
  seq: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
type AutosaveHeader = z.infer<typeof AutosaveHeaderSchema>;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Autosave slots in one directory, newest kept, oldest deleted beyond `keep`.
 * Each slot is one file `<id>.autosave`: a one-line JSON header (id, label, time, sequence number,
 * size and SHA-256 of the text) then the text, so listing reads only headers and a damaged or
 * truncated slot is detected on read. Operations are serialised, so rotation never races a write.
 */
export class AutosaveStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    readonly keep: number = DEFAULT_AUTOSAVE_KEEP,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be a positive integer');
  }

  /** The file for a slot id; refuses anything that is not a plain id inside `dir`. */
  pathFor(id: string): string {
    if (!isValidSlotId(id)) throw new ServiceError('invalid', 'error.autosave.invalidId');
    const dir = resolve(this.dir);
    const path = resolve(dir, `${id}.autosave`);
    if (dirname(path) !== dir || !path.startsWith(dir + sep)) throw new ServiceError('invalid', 'error.autosave.invalidId');
    return path;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async write(id: string, label: string, text: string): Promise<AutosaveEntry> {
    const path = this.pathFor(id);
    if (label.length > MAX_LABEL_CHARS) throw new ServiceError('invalid', 'error.autosave.invalidLabel');
    return this.serial(async () => {
      try {
        await mkdir(this.dir, { recursive: true });
      } catch (error) {
        throw ioError('error.io.write', error, this.dir);
      }
      await removeStaleTempFiles(this.dir);
      const body = Buffer.from(text, 'utf8');
      if (body.length > MAX_FILE_BYTES)
        throw new ServiceError('too-large', 'error.file.tooLarge', `${body.length} > ${MAX_FILE_BYTES} bytes`);
      const existing = await this.readHeaders();
      const seq = existing.reduce((max, h) => Math.max(max, h.seq), 0) + 1;
      const header: AutosaveHeader = {
        format: AUTOSAVE_FORMAT,
        version: 1,
        id,
        label,
        savedAt: this.now().toISOString(),
        seq,
        bytes: body.length,
        sha256: sha256Hex(body),
      };
      await writeFileAtomic(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]));
      // Rotation: keep the newest `keep` slots (this one included), delete the rest.
      const all = [header, ...existing.filter((h) => h.id !== id)].sort((a, b) => b.seq - a.seq);
      for (const old of all.slice(this.keep)) {
        await unlink(this.pathFor(old.id)).catch(() => undefined);
      }
      return { id, label, savedAt: header.savedAt };
    });
  }

  /** Newest first. Slots whose header is unreadable are left out; reading a damaged slot by id says why. */
  list(): Promise<AutosaveEntry[]> {
    return this.serial(async () => {
      const headers = await this.readHeaders();
      return headers.sort((a, b) => b.seq - a.seq).map(({ id, label, savedAt }) => ({ id, label, savedAt }));
    });
  }

  async read(id: string): Promise<string> {
    const path = this.pathFor(id);
    return this.serial(async () => {
      if (!(await fileExists(path))) throw new ServiceError('invalid', 'error.autosave.notFound', id);
      const bytes = await readBounded(path, MAX_FILE_BYTES + HEADER_MAX_BYTES);
      const newline = bytes.indexOf(0x0a);
      if (newline < 0 || newline > HEADER_MAX_BYTES) throw new ServiceError('invalid', 'error.autosave.corrupt', `${id}: no header`);
      const header = parseHeader(bytes.subarray(0, newline));
      if (!header || header.id !== id) throw new ServiceError('invalid', 'error.autosave.corrupt', `${id}: bad header`);
      const body = bytes.subarray(newline + 1);
      if (body.length !== header.bytes || sha256Hex(body) !== header.sha256) {
        throw new ServiceError('invalid', 'error.autosave.corrupt', `${id}: ${body.length} of ${header.bytes} bytes, checksum mismatch`);
      }
      return decodeUtf8Text(body, id);
    });
  }

  private async readHeaders(): Promise<AutosaveHeader[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return [];
      throw ioError('error.io.read', error, this.dir);
    }
    const headers: AutosaveHeader[] = [];
    for (const name of names) {
      const id = name.endsWith('.autosave') ? name.slice(0, -'.autosave'.length) : '';
      if (!isValidSlotId(id)) continue;
      const header = await readHeader(join(this.dir, name));
      if (header && header.id === id) headers.push(header);
    }
    return headers;
  }
}

function parseHeader(bytes: Uint8Array): AutosaveHeader | null {
  try {
    const parsed = AutosaveHeaderSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readHeader(path: string): Promise<AutosaveHeader | null> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(HEADER_MAX_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
    return newline < 0 ? null : parseHeader(buffer.subarray(0, newline));
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/** Settings are small: a few preferences, never game data. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/** Settings as one JSON object in one file, written atomically. Values are validated by the caller. */
export class SettingsStore {
  constructor(readonly file: string) {}

  async get(): Promise<Record<string, unknown>> {
    if (!(await fileExists(this.file))) return {};
    let value: unknown;
    try {
      value = await readJsonFile(this.file, { maxBytes: MAX_SETTINGS_BYTES });
    } catch (error) {
      if (error instanceof ServiceError && error.code !== 'io') {
        throw new ServiceError('invalid', 'error.settings.corrupt', error.detail, { cause: error });
      }
      throw error;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ServiceError('invalid', 'error.settings.corrupt', 'not a JSON object');
    }
    return value as Record<string, unknown>;
  }

  async set(settings: Record<string, unknown>): Promise<void> {
    const text = JSON.stringify(settings, null, 2);
    if (Buffer.byteLength(text, 'utf8') > MAX_SETTINGS_BYTES) throw new ServiceError('too-large', 'error.settings.tooLarge');
    try {
      await mkdir(dirname(this.file), { recursive: true });
    } catch (error) {
      throw ioError('error.io.write', error, this.file);
    }
    await writeFileAtomic(this.file, text);
  }
}
