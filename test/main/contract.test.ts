/**
 * Main and the renderer describe the IPC contract separately (main may not import renderer/), so
 * this file proves they agree: the types at compile time (`tsc -b` checks the expectTypeOf calls),
 * the preload's channel names and its run-time imports at test time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CHANNELS,
  CONSOLE_MESSAGE_CHANNEL,
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  type AppError,
  type AutosaveEntry as MainAutosaveEntry,
  type ChannelValues,
  type MenuCommand as MainMenuCommand,
  type Result as MainResult,
} from '../../main/contract';
import type { ChannelArgs } from '../../main/ipc-validation';
import type { CordilleraBridge } from '../../renderer/platform/bridge';
import type { AutosaveEntry, MenuCommand, PlatformError, Result } from '../../renderer/platform/types';

type Returned<K extends keyof CordilleraBridge> = Awaited<ReturnType<CordilleraBridge[K]>>;
type Sent<K extends keyof CordilleraBridge> = Parameters<CordilleraBridge[K]>;

const preloadSource = readFileSync(resolve(import.meta.dirname, '../../main/preload/index.ts'), 'utf8');

describe('IPC contract', () => {
  it('main and renderer agree on the shared types', () => {
    expectTypeOf<MainMenuCommand>().toEqualTypeOf<MenuCommand>();
    expectTypeOf<AppError>().toEqualTypeOf<PlatformError>();
    expectTypeOf<MainAutosaveEntry>().toEqualTypeOf<AutosaveEntry>();
    expectTypeOf<MainResult<string>>().toEqualTypeOf<Result<string>>();
  });

  it('each bridge method returns what its channel answers', () => {
    expectTypeOf<Returned<'appVersion'>>().toEqualTypeOf<Result<ChannelValues['app:version']>>();
    expectTypeOf<Returned<'openGame'>>().toEqualTypeOf<Result<ChannelValues['game:open']>>();
    expectTypeOf<Returned<'saveGame'>>().toEqualTypeOf<Result<ChannelValues['game:save']>>();
    expectTypeOf<Returned<'exportFile'>>().toEqualTypeOf<Result<ChannelValues['export:file']>>();
    expectTypeOf<Returned<'exportPdf'>>().toEqualTypeOf<Result<ChannelValues['export:pdf']>>();
    expectTypeOf<Returned<'autosaveWrite'>>().toEqualTypeOf<Result<ChannelValues['autosave:write']>>();
    expectTypeOf<Returned<'autosaveList'>>().toEqualTypeOf<Result<ChannelValues['autosave:list']>>();
    expectTypeOf<Returned<'autosaveRead'>>().toEqualTypeOf<Result<ChannelValues['autosave:read']>>();
    expectTypeOf<Returned<'settingsGet'>>().toEqualTypeOf<Result<ChannelValues['settings:get']>>();
    expectTypeOf<Returned<'settingsSet'>>().toEqualTypeOf<Result<ChannelValues['settings:set']>>();
    expectTypeOf<Returned<'setFullScreen'>>().toEqualTypeOf<Result<ChannelValues['window:set-fullscreen']>>();
  });

  it('what the bridge sends is what main validates', () => {
    expectTypeOf<Sent<'saveGame'>>().toEqualTypeOf<ChannelArgs['game:save']>();
    expectTypeOf<Sent<'exportFile'>>().toEqualTypeOf<ChannelArgs['export:file']>();
    expectTypeOf<Sent<'exportPdf'>>().toEqualTypeOf<ChannelArgs['export:pdf']>();
    expectTypeOf<Sent<'autosaveWrite'>>().toEqualTypeOf<ChannelArgs['autosave:write']>();
    expectTypeOf<Sent<'autosaveRead'>>().toEqualTypeOf<ChannelArgs['autosave:read']>();
    expectTypeOf<Sent<'setFullScreen'>>().toEqualTypeOf<ChannelArgs['window:set-fullscreen']>();
    expectTypeOf<Sent<'appVersion'>>().toEqualTypeOf<ChannelArgs['app:version']>();
  });

  it('the preload invokes exactly the channels main handles, and listens on the menu and console channels', () => {
    const invoked = [...preloadSource.matchAll(/ipcRenderer\.invoke\('([^']+)'/g)].map((m) => m[1]);
    expect([...invoked].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(invoked).size).toBe(invoked.length);
    const listened = [...preloadSource.matchAll(/ipcRenderer\.(?:on|removeListener)\('([^']+)'/g)].map((m) => m[1]);
    expect(new Set(listened)).toEqual(new Set([MENU_COMMAND_CHANNEL, CONSOLE_MESSAGE_CHANNEL]));
    for (const command of MENU_COMMANDS) expect(preloadSource).toContain(`'${command}'`);
  });

  it('the preload needs nothing but electron at run time and never exposes ipcRenderer', () => {
    const js = ts.transpileModule(preloadSource, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    const required = [...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preloadSource).toMatch(/contextBridge\.exposeInMainWorld\('cordillera', bridge\)/);
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preloadSource).not.toMatch(/^\s*ipcRenderer[,:]/m);
  });
});
