// Files the person saves from the app: made here, on this device, and handed to the browser's
// download; nothing is uploaded. The PDF is the same one the CLI writes (@steadyback/report).

import type { ReportModel } from '@steadyback/core';
import { historyPdf } from '@steadyback/report';

export function reportPdfBytes(model: ReportModel): Promise<Uint8Array> {
  return historyPdf(model, { generator: 'steadyback app' });
}

export function downloadFile(content: string | Uint8Array, fileName: string, type: string): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
