import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../main/contract';
import { MAX_FILE_BYTES } from '../../main/file-service';
import { checkSender, validateArgs, type SenderInfo, type TrustPolicy } from '../../main/ipc-validation';

const rendererDir = join('/opt', 'Cordillera', 'resources', 'app.asar', 'out', 'renderer');
const rendererIndex = join(rendererDir, 'index.html');
const pageUrl = pathToFileURL(rendererIndex).href;

const prod: TrustPolicy = { mainWebContentsId: 1, origin: { rendererIndex, rendererDir } };
const dev: TrustPolicy = { mainWebContentsId: 1, origin: { rendererIndex, rendererDir, devServerUrl: 'http://localhost:5173' } };

const sender = (over: Partial<SenderInfo> = {}): SenderInfo => ({ webContentsId: 1, frameUrl: pageUrl, isMainFrame: true, ...over });

describe('sender check', () => {
  it('accepts our main window showing our page', () => {
    expect(checkSender(sender(), prod)).toEqual({ ok: true });
    expect(checkSender(sender({ frameUrl: `${pageUrl}#/game?turn=3` }), prod)).toEqual({ ok: true });
    expect(checkSender(sender({ frameUrl: 'http://localhost:5173/' }), dev)).toEqual({ ok: true });
    expect(checkSender(sender({ frameUrl: 'http://localhost:5173/index.html?x=1' }), dev)).toEqual({ ok: true });
  });

  it('rejects other windows, iframes, gone frames and when there is no main window', () => {
    expect(checkSender(sender({ webContentsId: 2 }), prod).ok).toBe(false);
    expect(checkSender(sender({ isMainFrame: false }), prod).ok).toBe(false);
    expect(checkSender(sender({ frameUrl: null }), prod).ok).toBe(false);
    expect(checkSender(sender(), { ...prod, mainWebContentsId: null }).ok).toBe(false);
  });

  it('rejects foreign pages, even in our window', () => {
    const foreign = [
      'https://example.com/',
      'http://localhost:5173/',
      pathToFileURL('/etc/passwd').href,
      pathToFileURL(join(rendererDir, 'other.html')).href,
      pathToFileURL(join(rendererDir, '..', 'index.html')).href,
      'data:text/html,<script>1</script>',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
      '',
    ];
    for (const frameUrl of foreign) expect(checkSender(sender({ frameUrl }), prod).ok, frameUrl).toBe(false);
    for (const frameUrl of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://evil.com/?http://localhost:5173',
    ]) {
      expect(checkSender(sender({ frameUrl }), dev).ok, frameUrl).toBe(false);
    }
  });
});

const valid: Record<Channel, unknown[]> = {
  'app:version': [],
  'game:open': [],
  'game:save': [{ text: '{"turn":1}', suggestedName: 'vraem-turn-1.json' }],
  'export:file': [{ kind: 'csv', suggestedName: 'turns.csv', text: 'turn,region\n1,PE-AYA\n' }],
  'export:pdf': [{ suggestedName: 'Informe posterior a la acción', html: '<h1>AAR</h1>' }],
  'autosave:write': [{ id: 'autosave-3', label: 'VRAEM — turn 3', text: '{}' }],
  'autosave:list': [],
  'autosave:read': [{ id: 'autosave-3' }],
  'console:open': [],
  'console:post': [{ message: { type: 'hello', consoleId: 'c1' } }],
  'settings:get': [],
  'settings:set': [{ settings: { lang: 'es', zoom: 1.25, palette: 'default', nested: { a: [1, null, 'x'] } } }],
  'window:set-fullscreen': [{ on: 'toggle' }],
};

describe('argument validation', () => {
  it('accepts a well-formed call on every channel', () => {
    for (const channel of CHANNELS) {
      const r = validateArgs(channel, valid[channel]);
      expect(r.ok, `${channel}: ${r.ok ? '' : r.reason}`).toBe(true);
    }
    expect(validateArgs('game:save', [{ text: 'x', suggestedName: 'a.json', handle: `h-${'0'.repeat(32)}` }]).ok).toBe(true);
    expect(validateArgs('window:set-fullscreen', [{ on: false }]).ok).toBe(true);
  });

  it('rejects unknown channels', () => {
    for (const channel of ['fs:write', 'game:delete', '', 'app:version ', '__proto__', 'constructor', 'toString']) {
      const r = validateArgs(channel, []);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.messageKey).toBe('error.ipc.unknownChannel');
    }
  });

  it('rejects wrong types, missing and extra fields, and extra arguments', () => {
    const bad: [Channel, unknown][] = [
      ['app:version', [1]],
      ['game:open', [{ path: '/etc/passwd' }]],
      ['game:save', []],
      ['game:save', [{ text: 1, suggestedName: 'a.json' }]],
      ['game:save', [{ text: 'x' }]],
      ['game:save', [{ text: 'x', suggestedName: 'a.json', path: '/etc/passwd' }]],
      ['game:save', [{ text: 'x', suggestedName: 'a.json' }, 'extra']],
      ['game:save', [{ text: '', suggestedName: 'a.json' }]],
      ['game:save', [{ text: 'x', suggestedName: 'a.json', handle: '/home/user/.bashrc' }]],
      ['game:save', [{ text: 'x', suggestedName: 'a.json', handle: 'h-xyz' }]],
      ['game:save', { text: 'x', suggestedName: 'a.json' }],
      ['game:save', null],
      ['export:file', [{ kind: 'exe', suggestedName: 'a.exe', text: 'MZ' }]],
      ['export:file', [{ kind: 'pdf', suggestedName: 'a.pdf', text: 'x' }]],
      ['export:pdf', [{ suggestedName: 'a.pdf' }]],
      ['autosave:write', [{ id: 'a', label: 5, text: 'x' }]],
      ['autosave:read', ['autosave-1']],
      ['settings:set', [{ lang: 'es' }]],
      ['settings:set', [{ settings: ['not', 'an', 'object'] }]],
      ['settings:set', [{ settings: { lang: undefined } }]],
      ['settings:set', [{ settings: { n: Number.NaN } }]],
      ['settings:set', [{ settings: { '': 1 } }]],
      ['window:set-fullscreen', [{ on: 'yes' }]],
      ['window:set-fullscreen', [true]],
    ];
    for (const [channel, args] of bad) {
      const r = validateArgs(channel, args);
      expect(r.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid', messageKey: 'error.ipc.invalidArguments' });
    }
  });

  it('rejects file names that are paths or use reserved characters', () => {
    const names = [
      '../evil.json',
      '/etc/passwd',
      'a/b.json',
      'a\\b.json',
      'C:evil.json',
      '..',
      '.',
      '...',
      '   ',
      'con\u0000.json',
      'a\nb.json',
      'a?.json',
      'a*.json',
      'a|b',
      '<x>',
      '"q"',
      'x'.repeat(201),
      '',
    ];
    for (const suggestedName of names) {
      expect(validateArgs('game:save', [{ text: 'x', suggestedName }]).ok, JSON.stringify(suggestedName)).toBe(false);
      expect(validateArgs('export:pdf', [{ html: 'x', suggestedName }]).ok, JSON.stringify(suggestedName)).toBe(false);
    }
    for (const suggestedName of ['Partida del VRAEM — turno 3.json', 'aar.2025-01-01.html', '.hidden', 'ñandú']) {
      expect(validateArgs('game:save', [{ text: 'x', suggestedName }]).ok, suggestedName).toBe(true);
    }
  });

  it('rejects slot ids that try to leave the autosave folder', () => {
    for (const id of ['../settings', '..', 'a/../../b', '/tmp/x', 'C:\\x', 'A', 'a.autosave', '', 'a'.repeat(65)]) {
      expect(validateArgs('autosave:read', [{ id }]).ok, id).toBe(false);
      expect(validateArgs('autosave:write', [{ id, label: 'x', text: 'y' }]).ok, id).toBe(false);
    }
  });

  it('rejects huge strings: labels and names as malformed, contents as too large', () => {
    const label = validateArgs('autosave:write', [{ id: 'a', label: 'x'.repeat(201), text: 'y' }]);
    expect(label.ok ? null : label.error.messageKey).toBe('error.ipc.invalidArguments');
    const handle = validateArgs('game:save', [{ text: 'x', suggestedName: 'a.json', handle: 'h-'.padEnd(100_000, 'a') }]);
    expect(handle.ok ? null : handle.error.messageKey).toBe('error.ipc.invalidArguments');
    const huge = 'x'.repeat(MAX_FILE_BYTES + 1);
    for (const [channel, args] of [
      ['game:save', [{ text: huge, suggestedName: 'a.json' }]],
      ['export:file', [{ kind: 'json', text: huge, suggestedName: 'a.json' }]],
      ['export:pdf', [{ html: huge, suggestedName: 'a.pdf' }]],
      ['autosave:write', [{ id: 'a', label: 'x', text: huge }]],
      ['settings:set', [{ settings: { notes: 'x'.repeat(300 * 1024) } }]],
    ] as const) {
      const r = validateArgs(channel, args);
      expect(r.ok ? null : r.error, channel).toMatchObject({ code: 'too-large', messageKey: 'error.file.tooLarge' });
    }
  });

  it('survives hostile nesting without throwing', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep.a = next;
      deep = next;
    }
    const r = validateArgs('settings:set', [{ settings: root }]);
    expect(r.ok).toBe(false);
  });
});
