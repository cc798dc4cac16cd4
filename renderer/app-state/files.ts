/**
 * Opening files through the platform: a saved game, a log for the replay viewer, an autosave.
 * Reading only: nothing here writes, and a refused file changes nothing (the caller dispatches an
 * action only for a game that loaded). Each outcome is an action for the reducer or a message.
 */
import type { Platform, PlatformError } from '../platform/types';
import type { Action } from './reducer';
import { openReplay } from './replay';
import { parseReplay, parseSave, type LoadFailure } from './save-file';
import type { Toast } from './types';

export type OpenOutcome = { kind: 'cancelled' } | { kind: 'failed'; toast: Omit<Toast, 'id'> } | { kind: 'opened'; actions: Action[] };

/** The message for a platform failure (a cancelled dialog is not one). */
export function platformToast(e: PlatformError, known: (key: string) => boolean): Omit<Toast, 'id'> | null {
  if (e.code === 'cancelled') return null;
  const detail = e.detail ?? '';
  if (known(e.messageKey)) {
    return detail
      ? { kind: 'error', key: 'app.error.withDetail', values: { message: `@${e.messageKey}`, detail } }
      : { kind: 'error', key: e.messageKey };
  }
  return { kind: 'error', key: 'app.error.platform', values: { code: e.code, detail: detail || e.messageKey } };
}

/** "Could not open <name>", with the reason on its own line. */
export function openFailedToast(name: string, f: LoadFailure): Omit<Toast, 'id'> {
  return {
    kind: 'error',
    key: 'app.error.openFailed',
    values: { name },
    details: [f.values ? { key: f.key, values: f.values } : { key: f.key }],
  };
}

function failed(e: PlatformError, known: (key: string) => boolean): OpenOutcome {
  const toast = platformToast(e, known);
  return toast ? { kind: 'failed', toast } : { kind: 'cancelled' };
}

/**
 * The actions that put a saved game on screen: `name` is what messages call it; `file` is where
 * Save writes it again (null for an autosave, which Save never overwrites: it asks for a name).
 */
export function loadSaveText(
  text: string,
  name: string,
  file: { handle: string | null; name: string } | null,
  gameId: string,
): OpenOutcome {
  const parsed = parseSave(text);
  if (!parsed.ok) return { kind: 'failed', toast: openFailedToast(name, parsed) };
  const migrated = parsed.loaded.migratedFrom !== null;
  const actions: Action[] = [
    // A file in an older format is never overwritten by Save: Save asks for a name first.
    { type: 'game/loaded', loaded: parsed.loaded, gameId, file: file && !migrated ? file : { handle: null, name: null } },
    {
      type: 'toast/push',
      toast: migrated
        ? { kind: 'info', key: 'app.toast.openedMigrated', values: { name, version: parsed.loaded.migratedFrom ?? 1 } }
        : { kind: 'info', key: 'app.toast.opened', values: { name } },
    },
  ];
  return { kind: 'opened', actions };
}

/** File ▸ Open: ask for a file, check it, and load it. */
export async function openSavedGame(
  platform: Pick<Platform, 'openGameFile'>,
  gameId: string,
  known: (key: string) => boolean,
): Promise<OpenOutcome> {
  const r = await platform.openGameFile();
  if (!r.ok) return failed(r.error, known);
  return loadSaveText(r.value.text, r.value.name, { handle: r.value.handle ?? null, name: r.value.name }, gameId);
}

/** Load an autosave slot. */
export async function openAutosave(
  platform: Pick<Platform, 'autosaveRead'>,
  id: string,
  label: string,
  gameId: string,
  known: (key: string) => boolean,
): Promise<OpenOutcome> {
  const r = await platform.autosaveRead(id);
  if (!r.ok) return failed(r.error, known);
  return loadSaveText(r.value, label, null, gameId);
}

/** The in-progress record for a game just loaded from autosave `id` (it can be resumed again). */
export function resumedRecord(o: OpenOutcome, id: string): { autosaveId: string; scenarioId: string; turn: number } | null {
  if (o.kind !== 'opened') return null;
  const a = o.actions[0];
  if (a?.type !== 'game/loaded' || a.loaded.log.entries.length === 0) return null;
  return { autosaveId: id, scenarioId: a.loaded.log.scenarioId, turn: a.loaded.log.entries.length };
}

/** The actions that open a log (or a save) in the replay viewer. */
export function loadReplayText(text: string, name: string): OpenOutcome {
  const parsed = parseReplay(text);
  if (!parsed.ok) return { kind: 'failed', toast: openFailedToast(name, parsed) };
  const actions: Action[] = [{ type: 'replay/open', replay: openReplay(parsed.loaded, name) }];
  if (parsed.loaded.scenarioDiffers) {
    actions.push({
      type: 'toast/push',
      toast: { kind: 'info', key: 'app.toast.replayScenarioDiffers', values: { id: parsed.loaded.log.scenarioId } },
    });
  }
  return { kind: 'opened', actions };
}

/** File ▸ Open log / replay. */
export async function openReplayFile(platform: Pick<Platform, 'openGameFile'>, known: (key: string) => boolean): Promise<OpenOutcome> {
  const r = await platform.openGameFile();
  if (!r.ok) return failed(r.error, known);
  return loadReplayText(r.value.text, r.value.name);
}
