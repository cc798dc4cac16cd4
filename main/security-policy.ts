/**
 * Which URLs are ours: the renderer's files, or the dev server in development. Used for the IPC
 * sender check, navigation, the network block and the CSP header. Pure (no Electron), tested.
 */
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppOrigin {
  /** Absolute path of `out/renderer/index.html`. */
  rendererIndex: string;
  /** Absolute path of `out/renderer/` (the only files the renderer may load). */
  rendererDir: string;
  /** `ELECTRON_RENDERER_URL` in development, else undefined. */
  devServerUrl?: string | undefined;
}

/** The same policy as the renderer's CSP meta tag. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * In development @vitejs/plugin-react injects this inline module script (React Fast Refresh's
 * preamble) at the top of <head>, before the CSP meta tag. Our dev CSP header allows exactly this
 * script by hash and nothing else inline; `test/main/security-policy.test.ts` checks it still
 * matches the installed plugin.
 */
export const REACT_REFRESH_PREAMBLE = `import { injectIntoGlobalHook } from "/@react-refresh";
injectIntoGlobalHook(window);
window.$RefreshReg$ = () => {};
window.$RefreshSig$ = () => (type) => type;`;

export function cspHashOf(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The CSP header sent with dev-server responses: the strict policy plus the preamble's hash. */
export function devContentSecurityPolicy(): string {
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${cspHashOf(REACT_REFRESH_PREAMBLE)}`);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function devOrigin(origin: AppOrigin): URL | null {
  if (!origin.devServerUrl) return null;
  const dev = parse(origin.devServerUrl);
  return dev && (dev.protocol === 'http:' || dev.protocol === 'https:') ? dev : null;
}

/** A file: URL for a file inside `dir` (after resolving `..`), else false. */
function isFileInside(url: URL, dir: string): boolean {
  if (url.protocol !== 'file:') return false;
  if (url.host !== '' && url.host !== 'localhost') return false;
  let path: string;
  try {
    path = resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  const root = resolve(dir);
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Is `url` the page of our app (the renderer's index.html, or any page of the dev server)? */
export function isAppPageUrl(url: string, origin: AppOrigin): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'file:') {
    const page = new URL(pathToFileURL(resolve(origin.rendererIndex)).href);
    return u.host === page.host && decodeURIComponent(u.pathname) === decodeURIComponent(page.pathname);
  }
  const dev = devOrigin(origin);
  return dev !== null && u.origin === dev.origin;
}

/**
 * May the app's session load `url`? Only the renderer's own files, inline data/blob, and in
 * development the dev server (http and its HMR websocket) and DevTools. Everything else — every
 * network address — is cancelled: the app never touches the network.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol === 'file:') return isFileInside(u, origin.rendererDir);
  const dev = devOrigin(origin);
  if (!dev) return false;
  if (u.protocol === 'devtools:') return true;
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin === dev.origin;
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    return u.hostname === dev.hostname && u.port === dev.port && (u.protocol === 'wss:') === (dev.protocol === 'https:');
  }
  return false;
}

/** Is this response from the dev server (so it gets our CSP header)? */
export function isDevServerResponse(url: string, origin: AppOrigin): boolean {
  const u = parse(url);
  const dev = devOrigin(origin);
  return u !== null && dev !== null && u.origin === dev.origin;
}

/** The PDF renderer's session may load exactly one file (the report) and inline data. */
export function isAllowedPdfRequest(url: string, reportFile: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol !== 'file:') return false;
  try {
    return resolve(fileURLToPath(u)) === resolve(reportFile);
  } catch {
    return false;
  }
}
