/**
 * The web platform (static build in a browser): open through a hidden file input, save and export
 * as downloads, autosaves and settings in IndexedDB, PDF through the browser's print dialog, full
 * screen through the Fullscreen API, and the desktop menu's keyboard shortcuts as menu commands.
 * Same limits and the same i18n error keys as the desktop app.
 */
import type { AutosaveEntry, ExportKind, MenuCommand, OpenedFile, Platform, PlatformError, Result } from './types';

declare const __APP_VERSION__: string | undefined;

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_SETTINGS_BYTES = 256 * 1024;
export const AUTOSAVE_KEEP = 5;
export const MAX_LABEL_CHARS = 200;
export const SLOT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const DB_NAME = 'cordillera';
const DB_VERSION = 1;
const META = 'autosave-meta';
const TEXT = 'autosave-text';
const SETTINGS = 'settings';
const SETTINGS_KEY = 'settings';

type Failure = { ok: false; error: PlatformError };

function fail(code: PlatformError['code'], messageKey: string, detail?: string): Failure {
  return { ok: false, error: detail === undefined ? { code, messageKey } : { code, messageKey, detail } };
}

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

class PlatformFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.messageKey);
  }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

const MIME: Record<Exclude<ExportKind, 'pdf'>, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** A safe download name: no path or reserved characters, with the expected extension. */
export function safeFileName(name: string, extension: string): string {
  let clean = name
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .trim()
    .slice(0, 200);
  if (clean.replace(/\./g, '') === '') clean = 'cordillera';
  return clean.toLowerCase().endsWith(`.${extension}`) ? clean : `${clean}.${extension}`;
}

/** Strict UTF-8 with the same rules as the desktop app: damaged, binary or empty files are refused. */
export function decodeText(bytes: ArrayBuffer | Uint8Array, name: string): Result<string> {
  if (bytes.byteLength === 0) return fail('invalid', 'error.file.empty', name);
  if (bytes.byteLength > MAX_FILE_BYTES) return fail('too-large', 'error.file.tooLarge', `${bytes.byteLength} > ${MAX_FILE_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('invalid', 'error.file.notText', `${name}: not valid UTF-8`);
  }
  if (text.includes('\u0000')) return fail('invalid', 'error.file.notText', `${name}: contains NUL characters`);
  return ok(text);
}

/** Show the browser's file picker; null if the user cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    let settled = false;
    const finish = (file: File | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; keep the URL a while for slow browsers, then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function downloadText(text: string, name: string, mime: string): Result<{ name: string }> {
  const blob = new Blob([text], { type: mime });
  if (blob.size === 0) return fail('invalid', 'error.file.empty', name);
  if (blob.size > MAX_FILE_BYTES) return fail('too-large', 'error.file.tooLarge', `${blob.size} > ${MAX_FILE_BYTES} bytes`);
  try {
    download(blob, name);
  } catch (error) {
    return fail('io', 'error.io.write', error instanceof Error ? error.message : undefined);
  }
  return ok({ name });
}

/** The report with `title` as its document title (the browser suggests it as the PDF's file name). */
function withTitle(html: string, title: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.title = title;
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

let printFrame: HTMLIFrameElement | null = null;

/**
 * Print the report from a hidden, sandboxed iframe (no scripts; same origin so we may call print;
 * modals allowed for the print dialog). The user picks "Save as PDF" in the browser's dialog.
 */
async function printHtml(html: string, title: string): Promise<Result<{ name: string }>> {
  printFrame?.remove();
  const frame = document.createElement('iframe');
  printFrame = frame;
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  const loaded = new Promise<boolean>((resolve) => {
    frame.addEventListener('load', () => resolve(true), { once: true });
    setTimeout(() => resolve(false), 15_000);
  });
  frame.srcdoc = withTitle(html, title);
  document.body.append(frame);
  if (!(await loaded) || !frame.contentWindow) {
    frame.remove();
    return fail('unsupported', 'error.pdf.unsupported');
  }
  const view = frame.contentWindow;
  const cleanUp = () => {
    if (printFrame === frame) printFrame = null;
    frame.remove();
  };
  try {
    view.addEventListener('afterprint', () => setTimeout(cleanUp, 0), { once: true });
    view.focus();
    view.print();
  } catch (error) {
    cleanUp();
    return fail('unsupported', 'error.pdf.unsupported', error instanceof Error ? error.message : undefined);
  }
  // Browsers whose print() returns at once print from the frame later: keep it for a while.
  setTimeout(cleanUp, 10 * 60_000);
  return ok({ name: `${title}.pdf` });
}

// ---------------------------------------------------------------------------------------------
// IndexedDB: autosaves (metadata and text in two stores, written in one transaction) and settings
// ---------------------------------------------------------------------------------------------

interface MetaRecord extends AutosaveEntry {
  seq: number;
}

let dbPromise: Promise<IDBDatabase> | null = null;

function storageError(error: unknown, fallbackKey: string): Failure {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return fail('io', 'error.storage.quota');
  return fail('io', fallbackKey, error instanceof Error ? error.message : undefined);
}

function openDb(): Promise<IDBDatabase> {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new PlatformFailure(fail('unsupported', 'error.storage.unavailable')));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(new PlatformFailure(fail('unsupported', 'error.storage.unavailable', error instanceof Error ? error.message : undefined)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(TEXT)) db.createObjectStore(TEXT);
      if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        dbPromise = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(new PlatformFailure(fail('unsupported', 'error.storage.unavailable', request.error?.message)));
    request.onblocked = () => reject(new PlatformFailure(fail('io', 'error.storage.blocked')));
  });
  dbPromise.catch(() => {
    dbPromise = null;
  });
  return dbPromise;
}

function requestValue<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Run `work` in one transaction; the value it returns counts only if the transaction commits. */
async function inTransaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  fallbackKey: string,
  work: (tx: IDBTransaction) => Promise<T>,
): Promise<Result<T>> {
  let db: IDBDatabase;
  try {
    db = await openDb();
  } catch (error) {
    return error instanceof PlatformFailure ? error.failure : fail('unsupported', 'error.storage.unavailable');
  }
  try {
    const tx = db.transaction(stores, mode);
    const done = transactionDone(tx);
    let value: T;
    try {
      value = await work(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      await done.catch(() => undefined);
      throw error;
    }
    await done;
    return ok(value);
  } catch (error) {
    if (error instanceof PlatformFailure) return error.failure;
    return storageError(error, fallbackKey);
  }
}

async function autosaveWrite(id: string, label: string, text: string): Promise<Result<AutosaveEntry>> {
  if (!SLOT_ID_PATTERN.test(id)) return fail('invalid', 'error.autosave.invalidId');
  if (label.length > MAX_LABEL_CHARS) return fail('invalid', 'error.autosave.invalidLabel');
  if (text.length === 0) return fail('invalid', 'error.file.empty', id);
  const bytes = new Blob([text]).size;
  if (bytes > MAX_FILE_BYTES) return fail('too-large', 'error.file.tooLarge', `${bytes} > ${MAX_FILE_BYTES} bytes`);
  return inTransaction([META, TEXT], 'readwrite', 'error.io.write', async (tx) => {
    const meta = tx.objectStore(META);
    const texts = tx.objectStore(TEXT);
    const existing = (await requestValue(meta.getAll())) as MetaRecord[];
    const seq = existing.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
    const entry: MetaRecord = { id, label, savedAt: new Date().toISOString(), seq };
    meta.put(entry);
    texts.put(text, id);
    const all = [entry, ...existing.filter((m) => m.id !== id)].sort((a, b) => b.seq - a.seq);
    for (const old of all.slice(AUTOSAVE_KEEP)) {
      meta.delete(old.id);
      texts.delete(old.id);
    }
    return { id, label, savedAt: entry.savedAt };
  });
}

function autosaveList(): Promise<Result<AutosaveEntry[]>> {
  return inTransaction([META], 'readonly', 'error.io.read', async (tx) => {
    const all = (await requestValue(tx.objectStore(META).getAll())) as MetaRecord[];
    return all.sort((a, b) => b.seq - a.seq).map(({ id, label, savedAt }) => ({ id, label, savedAt }));
  });
}

function autosaveRead(id: string): Promise<Result<string>> {
  if (!SLOT_ID_PATTERN.test(id)) return Promise.resolve(fail('invalid', 'error.autosave.invalidId'));
  return inTransaction([TEXT], 'readonly', 'error.io.read', async (tx) => {
    const text: unknown = await requestValue(tx.objectStore(TEXT).get(id));
    if (text === undefined) throw new PlatformFailure(fail('invalid', 'error.autosave.notFound', id));
    if (typeof text !== 'string') throw new PlatformFailure(fail('invalid', 'error.autosave.corrupt', id));
    return text;
  });
}

function settingsGet(): Promise<Result<Record<string, unknown>>> {
  return inTransaction([SETTINGS], 'readonly', 'error.io.read', async (tx) => {
    const stored: unknown = await requestValue(tx.objectStore(SETTINGS).get(SETTINGS_KEY));
    if (stored === undefined) return {};
    let value: unknown;
    try {
      value = typeof stored === 'string' ? JSON.parse(stored) : undefined;
    } catch {
      value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new PlatformFailure(fail('invalid', 'error.settings.corrupt'));
    }
    return value as Record<string, unknown>;
  });
}

function settingsSet(settings: Record<string, unknown>): Promise<Result<null>> {
  let text: string;
  try {
    text = JSON.stringify(settings);
  } catch {
    return Promise.resolve(fail('invalid', 'error.settings.invalid'));
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings) || typeof text !== 'string') {
    return Promise.resolve(fail('invalid', 'error.settings.invalid'));
  }
  if (new Blob([text]).size > MAX_SETTINGS_BYTES) return Promise.resolve(fail('too-large', 'error.settings.tooLarge'));
  return inTransaction([SETTINGS], 'readwrite', 'error.io.write', (tx) => {
    tx.objectStore(SETTINGS).put(text, SETTINGS_KEY);
    return Promise.resolve(null);
  });
}

// ---------------------------------------------------------------------------------------------
// Menu commands: the desktop menu's shortcuts, so both builds answer the same keys
// ---------------------------------------------------------------------------------------------

/** The menu command for a key press, if it is one of the desktop menu's shortcuts the browser lets us have. */
export function shortcutCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 's') return e.shiftKey ? 'save-as' : 'save';
  if (key === '=' || key === '+') return 'zoom-in';
  if (key === '-' || key === '_') return 'zoom-out';
  if (key === '0' && !e.shiftKey) return 'zoom-reset';
  // The facilitator's console opens from the keyboard even behind the hand-over curtain.
  if (key === 'f' && e.shiftKey) return 'open-console';
  return null;
}

function menuCommands(): (listener: (command: MenuCommand) => void) => () => void {
  const listeners = new Set<(command: MenuCommand) => void>();
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const command = shortcutCommand(e);
    if (!command) return;
    e.preventDefault();
    for (const listener of [...listeners]) listener(command);
  };
  return (listener) => {
    if (listeners.size === 0) window.addEventListener('keydown', onKey);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener('keydown', onKey);
    };
  };
}

// ---------------------------------------------------------------------------------------------

export function createWebPlatform(): Platform {
  const onMenuCommand = menuCommands();
  return {
    kind: 'web',

    appVersion: () => Promise.resolve(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0'),

    async openGameFile(): Promise<Result<OpenedFile>> {
      const file = await pickFile('.json,application/json');
      if (!file) return fail('cancelled', 'error.dialog.cancelled');
      if (file.size > MAX_FILE_BYTES) return fail('too-large', 'error.file.tooLarge', `${file.size} > ${MAX_FILE_BYTES} bytes`);
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (error) {
        return fail('io', 'error.io.read', error instanceof Error ? error.message : undefined);
      }
      const text = decodeText(bytes, file.name);
      return text.ok ? ok({ name: file.name, text: text.value }) : text;
    },

    saveGameFile(text, suggestedName, handle) {
      // A browser cannot overwrite a file: "Save" downloads again under the same name.
      const name = safeFileName(handle ?? suggestedName, 'json');
      const r = downloadText(text, name, MIME.json);
      return Promise.resolve(r.ok ? ok({ handle: name, name }) : r);
    },

    exportFile: (kind, suggestedName, text) => Promise.resolve(downloadText(text, safeFileName(suggestedName, kind), MIME[kind])),

    async exportPdf(suggestedName, html) {
      if (html.length === 0) return fail('invalid', 'error.file.empty');
      if (new Blob([html]).size > MAX_FILE_BYTES) return fail('too-large', 'error.file.tooLarge');
      const title = safeFileName(suggestedName, 'pdf').replace(/\.pdf$/i, '');
      try {
        return await printHtml(html, title);
      } catch (error) {
        return fail('unsupported', 'error.pdf.unsupported', error instanceof Error ? error.message : undefined);
      }
    },

    autosaveWrite,
    autosaveList,
    autosaveRead,
    settingsGet,
    settingsSet,
    onMenuCommand,

    async setFullScreen(on) {
      const isFull = () => document.fullscreenElement !== null;
      const want = on === 'toggle' ? !isFull() : on;
      try {
        if (want && !isFull()) await document.documentElement.requestFullscreen();
        else if (!want && isFull()) await document.exitFullscreen();
      } catch {
        // Refused (no user gesture, or not allowed in this frame): report the state as it is.
      }
      return isFull();
    },

    openConsole() {
      // The same page with `#console`, in a tab of its own (the facilitator drags it to their laptop).
      const url = `${location.origin}${location.pathname}#console`;
      const tab = window.open(url, 'cordillera-console');
      return Promise.resolve(tab ? ok(null) : fail('unsupported', 'console.error.popup'));
    },

    consoleChannel() {
      return {
        post(message) {
          const c = new BroadcastChannel(CONSOLE_CHANNEL);
          c.postMessage(message);
          c.close();
        },
        subscribe(listener) {
          const c = new BroadcastChannel(CONSOLE_CHANNEL);
          c.onmessage = (e: MessageEvent) => listener(e.data);
          return () => c.close();
        },
      };
    },
  };
}

/** The channel between the game's tab and the facilitator's console tab (same origin only). */
const CONSOLE_CHANNEL = 'cordillera-console';
