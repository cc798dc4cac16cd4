/**
 * HTML → PDF in a hidden, sandboxed window with JavaScript off and its own in-memory session that
 * may load only the report file (and inline data: images). The report never reaches the network or
 * other local files, and its scripts never run.
 */
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from './contract';
import { writeFileAtomic } from './file-service';
import { isAllowedPdfRequest } from './security-policy';
import { pdfWindowOptions } from './window-options';

/** No `persist:` prefix: the session lives in memory only. */
const PDF_PARTITION = 'cordillera-pdf';
const RENDER_TIMEOUT_MS = 60_000;

const allowedFiles = new Set<string>();
let pdfSession: Session | undefined;

function lockedDownSession(): Session {
  if (pdfSession) return pdfSession;
  const ses = session.fromPartition(PDF_PARTITION, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: ![...allowedFiles].some((file) => isAllowedPdfRequest(details.url, file)) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  pdfSession = ses;
  return ses;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ServiceError('io', 'error.pdf.failed', 'timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Render `html` to PDF bytes. `tempRoot` is a directory for the short-lived report file. */
export async function renderPdf(html: string, tempRoot: string): Promise<Uint8Array> {
  lockedDownSession();
  const dir = await mkdtemp(join(tempRoot, 'cordillera-pdf-'));
  const file = join(dir, 'report.html');
  let win: BrowserWindow | undefined;
  try {
    await writeFileAtomic(file, html);
    allowedFiles.add(file);
    win = new BrowserWindow(pdfWindowOptions(PDF_PARTITION));
    await withTimeout(win.loadFile(file), RENDER_TIMEOUT_MS);
    return await withTimeout(
      win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: 'A4', generateTaggedPDF: true }),
      RENDER_TIMEOUT_MS,
    );
  } finally {
    allowedFiles.delete(file);
    if (win && !win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
