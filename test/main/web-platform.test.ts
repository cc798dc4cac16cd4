/**
 * The web platform's pure parts, which must behave like the desktop app's main process (same limits,
 * same error keys). Its DOM parts (file input, downloads, IndexedDB, print) need a real browser and
 * belong to the Playwright tests of the web build.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES as MAIN_MAX_FILE_BYTES,
  MAX_LABEL_CHARS as MAIN_MAX_LABEL,
  MAX_SETTINGS_BYTES as MAIN_MAX_SETTINGS,
  SLOT_ID_PATTERN as MAIN_SLOT_ID,
} from '../../main/file-service';
import {
  AUTOSAVE_KEEP,
  MAX_FILE_BYTES,
  MAX_LABEL_CHARS,
  MAX_SETTINGS_BYTES,
  SLOT_ID_PATTERN,
  decodeText,
  safeFileName,
  shortcutCommand,
} from '../../renderer/platform/web';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('web platform', () => {
  it('uses the same limits as the desktop app', () => {
    expect(MAX_FILE_BYTES).toBe(MAIN_MAX_FILE_BYTES);
    expect(MAX_SETTINGS_BYTES).toBe(MAIN_MAX_SETTINGS);
    expect(MAX_LABEL_CHARS).toBe(MAIN_MAX_LABEL);
    expect(SLOT_ID_PATTERN.source).toBe(MAIN_SLOT_ID.source);
    expect(AUTOSAVE_KEEP).toBe(5);
  });

  it('decodes files with the same rules and error keys', () => {
    expect(decodeText(new TextEncoder().encode('{"región":"Puno"}'), 'a.json')).toEqual({ ok: true, value: '{"región":"Puno"}' });
    const cut = new TextEncoder().encode('Apurímac').subarray(0, 5);
    expect(decodeText(cut, 'a.json')).toMatchObject({ ok: false, error: { code: 'invalid', messageKey: 'error.file.notText' } });
    expect(decodeText(new Uint8Array([0x41, 0x00]), 'a.json')).toMatchObject({ ok: false, error: { messageKey: 'error.file.notText' } });
    expect(decodeText(new Uint8Array(0), 'a.json')).toMatchObject({ ok: false, error: { messageKey: 'error.file.empty' } });
  });

  it('makes safe download names with the right extension', () => {
    expect(safeFileName('turnos', 'csv')).toBe('turnos.csv');
    expect(safeFileName('AAR.HTML', 'html')).toBe('AAR.HTML');
    expect(safeFileName('../../etc/passwd', 'json')).toBe('.._.._etc_passwd.json');
    expect(safeFileName('a:b*c?.json', 'json')).toBe('a_b_c_.json');
    expect(safeFileName('...', 'json')).toBe('cordillera.json');
  });

  it('maps the desktop menu shortcuts to menu commands', () => {
    expect(shortcutCommand(key('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutCommand(key('S', { metaKey: true, shiftKey: true }))).toBe('save-as');
    expect(shortcutCommand(key('o', { ctrlKey: true }))).toBe('open');
    expect(shortcutCommand(key('=', { ctrlKey: true }))).toBe('zoom-in');
    expect(shortcutCommand(key('+', { ctrlKey: true, shiftKey: true }))).toBe('zoom-in');
    expect(shortcutCommand(key('-', { ctrlKey: true }))).toBe('zoom-out');
    expect(shortcutCommand(key('0', { metaKey: true }))).toBe('zoom-reset');
    expect(shortcutCommand(key('F', { ctrlKey: true, shiftKey: true }))).toBe('open-console');
    expect(shortcutCommand(key('f', { ctrlKey: true }))).toBeNull();
    expect(shortcutCommand(key('s'))).toBeNull();
    expect(shortcutCommand(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutCommand(key('w', { ctrlKey: true }))).toBeNull();
  });
});
