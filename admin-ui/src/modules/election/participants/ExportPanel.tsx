// "Export CSV" and "Export XLSX": the list's filters, order and chosen columns, fetched and read as a stream so
// the page can say how far it is — for CSV the rows that have arrived ("12.000 af 100.000 rækker", counted as
// record ends outside quoted fields against X-Total-Rows), for XLSX the bytes (a zipped workbook has no rows to
// count on the way). The file is then saved through a Blob link. The progress is a live region; the export can
// be cancelled while it runs.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../../schemas/types/api-problem';
import { ProblemError } from '../../../../../forms/ui/problem';
import { fileSize } from '../config/fields';
import { exportUrl, type ListView } from './api';
import type { ParticipantColumn } from './columns';
import { formatCount, ParticipantProblem } from './shared';

type Format = 'csv' | 'xlsx';

interface Progress {
  format: Format;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  rows: number;
  total: number | null;
  bytes: number;
  fileName?: string;
  error?: unknown;
}

const TYPES: Record<Format, string> = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const QUOTE = 0x22;
const LF = 0x0a;
/** The page's text changes at most this often while the rows arrive (a live region read on every chunk is noise). */
const SHOW_EVERY_MS = 250;

async function problemOf(res: Response): Promise<ProblemError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string' && typeof body.title === 'string') return new ProblemError({ type: 'about:blank', status: res.status, ...body } as Problem);
  } catch {
    // not problem+json
  }
  return new ProblemError({ type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status, code: res.status >= 500 ? 'internal_error' : 'unknown' });
}

/** The file name the server chose (Content-Disposition), else one of ours. */
function fileNameOf(res: Response, format: Format): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? `participants.${format}`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportPanel({ view, columns, total }: { view: ListView; columns: readonly ParticipantColumn[]; total: number | undefined }) {
  const { t, i18n } = useTranslation('election');
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const running = progress?.phase === 'running';

  const run = async (format: Format) => {
    const controller = new AbortController();
    abort.current = controller;
    let shown: Progress = { format, phase: 'running', rows: 0, total: null, bytes: 0 };
    setProgress(shown);
    try {
      const res = await fetch(exportUrl(format, view, columns, i18n.language), { headers: { accept: TYPES[format] }, signal: controller.signal });
      if (!res.ok || !res.body) throw await problemOf(res);
      const header = Number(res.headers.get('x-total-rows'));
      const fileName = fileNameOf(res, format);
      shown = { ...shown, total: Number.isFinite(header) ? header : null, fileName };
      setProgress(shown);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let lines = 0;
      let quoted = false;
      let lastShown = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        // A record ends at a line feed outside quotes ('"' and LF never occur inside a UTF-8 sequence).
        if (format === 'csv')
          for (const byte of value) {
            if (byte === QUOTE) quoted = !quoted;
            else if (byte === LF && !quoted) lines++;
          }
        const now = Date.now();
        if (now - lastShown >= SHOW_EVERY_MS) {
          lastShown = now;
          setProgress((shown = { ...shown, bytes, rows: Math.max(0, lines - 1) }));
        }
      }
      const rows = format === 'csv' ? Math.max(0, lines - 1) : (shown.total ?? 0);
      save(new Blob(chunks as BlobPart[], { type: TYPES[format] }), fileName);
      setProgress({ ...shown, phase: 'done', bytes, rows });
    } catch (error) {
      if (controller.signal.aborted) setProgress({ ...shown, phase: 'cancelled' });
      else setProgress({ ...shown, phase: 'failed', error });
    } finally {
      abort.current = null;
    }
  };

  const n = (v: number) => formatCount(v, i18n.language);
  let text = '';
  if (progress) {
    const { format, phase, rows, total: of, bytes } = progress;
    const label = t(`participants.export.${format}`);
    if (phase === 'running')
      text =
        of === null
          ? t('participants.export.starting', { format: label })
          : format === 'csv'
            ? t('participants.export.rowsOf', { rows: n(rows), total: n(of) })
            : t('participants.export.bytes', { size: fileSize(bytes, i18n.language), total: n(of) });
    else if (phase === 'done') text = t('participants.export.done', { format: label, rows: n(rows), file: progress.fileName ?? '' });
    else if (phase === 'cancelled') text = t('participants.export.cancelled');
  }
  const csvRunning = running && progress.format === 'csv' && progress.total !== null;
  return (
    <section className="participant-export" aria-labelledby="participant-export-heading">
      <h2 id="participant-export-heading" className="visually-hidden">
        {t('participants.export.heading')}
      </h2>
      <div className="participant-toolbar-buttons">
        <button type="button" className="button-secondary" disabled={running || total === 0} onClick={() => void run('csv')}>
          {t('participants.export.csvButton')}
        </button>
        <button type="button" className="button-secondary" disabled={running || total === 0} onClick={() => void run('xlsx')}>
          {t('participants.export.xlsxButton')}
        </button>
        {running ? (
          <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
            {t('participants.export.cancel')}
          </button>
        ) : null}
      </div>
      {csvRunning ? (
        <progress className="participant-progress" aria-label={t('participants.export.progressLabel')} max={Math.max(1, progress.total!)} value={Math.min(progress.rows, progress.total!)} />
      ) : null}
      <p className="participant-progress-text" role="status" aria-live="polite" data-testid="export-progress" data-phase={progress?.phase ?? ''}>
        {text}
      </p>
      {progress?.phase === 'failed' ? <ParticipantProblem error={progress.error} /> : null}
    </section>
  );
}
