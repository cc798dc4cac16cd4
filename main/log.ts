/**
 * An append-only log of one JSON line per event (rejected IPC calls, blocked requests), in
 * userData/logs. It rotates once at 1 MB (`name.log` → `name.log.1`), so it never grows unbounded.
 * Logging must never break the app: failures to write are ignored.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogFn = (event: string, fields?: Record<string, string | number | boolean | null>) => void;

export const LOG_MAX_BYTES = 1024 * 1024;

export function createLineLog(file: string, options: { maxBytes?: number; now?: () => Date } = {}): LogFn {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  return (event, fields = {}) => {
    const line = `${JSON.stringify({ time: now().toISOString(), event, ...fields })}\n`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      try {
        if (statSync(file).size + line.length > maxBytes) renameSync(file, `${file}.1`);
      } catch {
        // no log yet
      }
      appendFileSync(file, line, 'utf8');
    } catch {
      // A full disk must not take the app down with it.
    }
  };
}
