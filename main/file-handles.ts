/**
 * Save handles: when the user picks a file in an Open or Save dialog, main remembers the path and
 * gives the renderer an opaque token for it. "Save" (without a dialog) accepts only such a token, so
 * the renderer can overwrite a file the user chose in this session and no other path.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

export class FileHandleRegistry {
  private readonly byToken = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  /** The token for a path the user chose in a dialog (the same token each time for the same path). */
  issue(path: string): string {
    const absolute = resolve(path);
    const existing = this.byPath.get(absolute);
    if (existing) return existing;
    const token = `h-${randomBytes(16).toString('hex')}`;
    this.byToken.set(token, absolute);
    this.byPath.set(absolute, token);
    return token;
  }

  /** The path behind a token, or undefined if main never handed it out. */
  resolve(token: string): string | undefined {
    return this.byToken.get(token);
  }
}
