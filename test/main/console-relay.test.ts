/**
 * The desktop console relay (issue 11): a message goes from the console window to the main window
 * only if it is a question (hello, unlock, command) and from the main window to the console only if
 * it is an answer (locked, snapshot); any other window, or a window that is gone, gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleMessageSchema, relayTarget } from '../../main/console-relay';

const both = { main: 7, console: 9 };

describe('the console relay', () => {
  it('sends questions from the console to the main window, answers the other way', () => {
    for (const type of ['hello', 'unlock', 'command'] as const) expect(relayTarget(type, 9, both)).toEqual({ to: 7 });
    for (const type of ['locked', 'snapshot'] as const) expect(relayTarget(type, 7, both)).toEqual({ to: 9 });
  });

  it('refuses the wrong direction, other windows and windows that are gone, saying why', () => {
    expect(relayTarget('snapshot', 9, both)).toEqual({ to: null, reason: 'the console does not send "snapshot"' });
    expect(relayTarget('command', 7, both)).toEqual({ to: null, reason: 'the main window does not send "command"' });
    expect(relayTarget('hello', 8, both)).toEqual({ to: null, reason: 'webContents 8 is neither window' });
    expect(relayTarget('snapshot', 7, { main: 7, console: null })).toEqual({ to: null, reason: 'no console window' });
    expect(relayTarget('hello', 9, { main: null, console: 9 })).toEqual({ to: null, reason: 'no main window' });
    expect(relayTarget('hello', 9, { main: null, console: null }).to).toBeNull();
  });

  it('checks each kind of message field by field', () => {
    const ok = (m: unknown) => ConsoleMessageSchema.safeParse(m).success;
    expect(ok({ type: 'hello', consoleId: 'c1a2' })).toBe(true);
    expect(ok({ type: 'unlock', consoleId: 'c1', passphrase: '' })).toBe(true);
    expect(ok({ type: 'command', consoleId: 'c1', command: { type: 'fireInject', inject: { id: 'x' } } })).toBe(true);
    expect(ok({ type: 'locked', to: 'c1', wrong: true })).toBe(true);
    expect(ok({ type: 'snapshot', to: ['c1', 'c2'], snapshot: { lang: 'en' } })).toBe(true);
    expect(ok({ type: 'locked', to: 'c1' })).toBe(false);
    expect(ok({ type: 'snapshot', to: 'c1', snapshot: {} })).toBe(false);
    expect(ok({ type: 'snapshot', to: Array(17).fill('c1'), snapshot: {} })).toBe(false);
    expect(ok({ type: 'snapshot', to: ['c1'], snapshot: [] })).toBe(false);
    expect(ok({ type: 'command', consoleId: 'c1', command: {} })).toBe(false);
    expect(ok({ type: 'hello', consoleId: 'C-1' })).toBe(false);
    expect(ok({ type: 'hello', consoleId: 'c'.repeat(65) })).toBe(false);
    expect(ok({ type: 'relay', to: 'c1' })).toBe(false);
    expect(ok(null)).toBe(false);
  });
});
