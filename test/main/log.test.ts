import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLineLog } from '../../main/log';
import { tempDir } from './helpers';

describe('line log', () => {
  it('appends one JSON line per event and rotates once at the size limit', () => {
    const file = join(tempDir(), 'logs', 'main.log');
    const log = createLineLog(file, { maxBytes: 400, now: () => new Date('2025-01-01T00:00:00Z') });
    log('ipc-rejected', { channel: 'fs:write', reason: 'unknown channel' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      time: '2025-01-01T00:00:00.000Z',
      event: 'ipc-rejected',
      channel: 'fs:write',
      reason: 'unknown channel',
    });
    for (let i = 0; i < 10; i++) log('request-blocked', { url: `https://example.com/${i}` });
    expect(existsSync(`${file}.1`)).toBe(true);
    for (const f of [file, `${file}.1`]) {
      const text = readFileSync(f, 'utf8');
      expect(text.length).toBeLessThanOrEqual(400);
      for (const line of text.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
  });

  it('never throws, even when it cannot write', () => {
    const dir = tempDir();
    const log = createLineLog(join(dir, 'file-not-dir', 'x.log'));
    createLineLog(join(dir, 'file-not-dir'))('make a file where the directory should be');
    expect(() => log('x')).not.toThrow();
  });
});
