import viteReact from '@vitejs/plugin-react';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  REACT_REFRESH_PREAMBLE,
  cspHashOf,
  devContentSecurityPolicy,
  isAllowedPdfRequest,
  isAllowedRequest,
  isAppPageUrl,
  isDevServerResponse,
  type AppOrigin,
} from '../../main/security-policy';

const rendererDir = join('/opt', 'Cordillera', 'resources', 'app.asar', 'out', 'renderer');
const prod: AppOrigin = { rendererDir, rendererIndex: join(rendererDir, 'index.html') };
const dev: AppOrigin = { ...prod, devServerUrl: 'http://localhost:5173/' };
const file = (...parts: string[]) => pathToFileURL(join(...parts)).href;

describe('network policy: the app never touches the network', () => {
  it('lets the renderer load its own files and inline data', () => {
    for (const url of [
      file(rendererDir, 'index.html'),
      file(rendererDir, 'assets', 'index-abc.js'),
      file(rendererDir, 'assets', 'peru.json'),
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:file:///4f1c2d',
    ]) {
      expect(isAllowedRequest(url, prod), url).toBe(true);
    }
  });

  it('blocks every network address and every other local file', () => {
    const blocked = [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'http://169.254.169.254/latest/meta-data',
      'https://fonts.googleapis.com/css2?family=Inter',
      'ftp://example.com/x',
      'chrome://gpu',
      'devtools://devtools/bundled/x.html',
      file('/etc/passwd'),
      file(rendererDir, '..', 'main', 'index.js'),
      `${file(rendererDir)}/%2e%2e/main/index.js`,
      file(`${rendererDir}-evil`, 'x.js'),
      'file://evil-host/share/x.js',
      'not a url',
      '',
    ];
    for (const url of blocked) expect(isAllowedRequest(url, prod), url).toBe(false);
  });

  it('in development also allows the dev server, its HMR socket and DevTools, nothing else', () => {
    for (const url of [
      'http://localhost:5173/',
      'http://localhost:5173/@vite/client',
      'ws://localhost:5173/',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequest(url, dev), url).toBe(true);
    }
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'wss://localhost:5173/',
      'http://127.0.0.1:5173/',
      'https://example.com/',
    ]) {
      expect(isAllowedRequest(url, dev), url).toBe(false);
    }
    expect(isDevServerResponse('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isDevServerResponse('http://localhost:5173/index.html', prod)).toBe(false);
  });

  it('recognises our page (for navigation and the IPC sender check)', () => {
    expect(isAppPageUrl(file(rendererDir, 'index.html'), prod)).toBe(true);
    expect(isAppPageUrl(`${file(rendererDir, 'index.html')}#/turn/3`, prod)).toBe(true);
    expect(isAppPageUrl(file(rendererDir, 'assets', 'x.html'), prod)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
  });

  it('the PDF session loads only the report file and inline data', () => {
    const report = join('/tmp', 'cordillera-pdf-x', 'report.html');
    expect(isAllowedPdfRequest(pathToFileURL(report).href, report)).toBe(true);
    expect(isAllowedPdfRequest('data:image/svg+xml,<svg/>', report)).toBe(true);
    expect(isAllowedPdfRequest(file('/tmp', 'cordillera-pdf-x', 'other.html'), report)).toBe(false);
    expect(isAllowedPdfRequest(file('/etc/passwd'), report)).toBe(false);
    expect(isAllowedPdfRequest('https://example.com/logo.png', report)).toBe(false);
  });
});

describe('content security policy', () => {
  it('matches the renderer meta tag', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('in development allows exactly the React Refresh preamble the installed plugin injects', () => {
    expect(REACT_REFRESH_PREAMBLE).toBe(viteReact.preambleCode.replace('__BASE__', '/'));
    const csp = devContentSecurityPolicy();
    expect(csp).toContain(`script-src 'self' ${cspHashOf(REACT_REFRESH_PREAMBLE)};`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp.replace(/ 'sha256-[^']+'/, '')).toBe(CONTENT_SECURITY_POLICY);
  });
});
