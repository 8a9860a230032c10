// The participant list as CSV or XLSX, streamed: the same filters and order as the list, the columns the
// administrator chose (headed by their labels in the administrator's language), every row of the filter.
//
// One read-only REPEATABLE READ transaction holds a server-side cursor (DECLARE … FETCH 1000), so the count
// sent first (X-Total-Rows, for the page's progress) and the rows that follow are the same snapshot, and no more
// than two batches (the one written, the next one fetched meanwhile) are ever in memory; the client's
// back-pressure is respected after each batch.
// The audit row (election.participantsExported: the filter without the name searched for, the columns, the
// count, whether special-category data is in it) is committed in a transaction of its own before the first
// byte. Special-category columns (diets, party membership) come only when named, for those allowed; a filter
// by a party's team is special-category too (it says who the members are). A protected address is masked.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { QueryTypes, Transaction } from 'sequelize';
import type { CommandContext } from '../../../../audit/record';
import { recordAudit } from '../../../../audit/record';
import type { Locale } from '../../../../db/models';
import { TooManyRequestsError } from '../../../../errors';
import { zoneOf } from '../../../../flows/tenant-rules';
import { csvCell } from '../../../../queries/export-submissions';
import { select, type ElectionDeps } from '../../db';
import { cellOf, COLUMN_LABELS, isSpecialColumn, type CellContext, type ExportRow, type ParticipantColumn } from '../../participants/columns';
import { auditedFilter, orderSql, whereSql, type ParticipantFilter, type SortKey, type SortOrder } from '../../participants/filter';
import { dietNames } from '../../participants/rows';
import { tenantFacts } from '../../db';
import { dietKeyOf, openDiets } from '../../participants/sealed-diets';
import { authorize } from '../../policies';
import { authorizeList, rowSelect } from './list-participants';

export const EXPORT_BATCH = 1000;
/**
 * Exports running at once in this process. Each holds a connection for its snapshot for as long as it streams
 * and needs a second one a moment for its audit row: a bound well under the pool's size (10) means exports can
 * neither starve each other of that second connection nor the rest of the API of connections.
 */
export const MAX_CONCURRENT_EXPORTS = 3;
let running = 0;
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportInput {
  filter: ParticipantFilter;
  sort: SortKey;
  order: SortOrder;
  columns: ParticipantColumn[];
  /** The header's language; the tenant's when absent. */
  locale?: Locale;
  format: ExportFormat;
}

export interface ExportTarget {
  /** Called once the audit row has committed, before the first byte: the count of rows to come and the language (set the headers). */
  start(total: number, locale: Locale): void;
  out: Writable;
}

/** The client went away mid-export: the cursor's transaction rolls back, nothing more is written. */
export class ExportAborted extends Error {
  override name = 'ExportAborted';
}

interface RowWriter {
  /** Writes one row; resolves at once unless the stream asks to wait. */
  row(cells: (string | number)[]): Promise<void> | void;
  /** After each batch. */
  batchDone(): Promise<void>;
  end(): Promise<void>;
}

/** Resolves on 'drain', or rejects with ExportAborted when `out` closes first. */
function drained(stream: Writable, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAborted());
  return new Promise((resolve, reject) => {
    const onDrain = () => (cleanup(), resolve());
    const onClose = () => (cleanup(), reject(new ExportAborted()));
    const cleanup = () => {
      stream.off('drain', onDrain);
      out.off('close', onClose);
    };
    stream.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/** Resolves when `out` has flushed everything, or rejects with ExportAborted if it closes before. */
function finishedOrAborted(out: Writable, done: Promise<unknown>): Promise<void> {
  if (out.destroyed && !out.writableFinished) return Promise.reject(new ExportAborted());
  return Promise.race([
    done.then(() => undefined),
    once(out, 'close').then(() => {
      if (!out.writableFinished) throw new ExportAborted();
    }),
  ]);
}

/** RFC 4180: a field with a comma, a quote or a line break (CR or LF alone too) in quotes, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;
export function csvField(value: string | number): string {
  const text = csvCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTES, '""')}"` : text;
}

/**
 * CSV with CRLF between records and a BOM (so spreadsheets read UTF-8). A batch's lines are written as one
 * chunk: a stream write per row costs more than making the row (100,000 rows at 50,000 a second).
 */
function csvWriter(out: Writable, header: string[]): RowWriter {
  let lines = `\uFEFF${header.map(csvField).join(',')}\r\n`;
  return {
    row: (cells) => {
      lines += `${cells.map(csvField).join(',')}\r\n`;
    },
    batchDone: () => {
      const chunk = lines;
      lines = '';
      return out.write(chunk) ? Promise.resolve() : drained(out, out);
    },
    end: () => {
      const done = once(out, 'finish');
      out.end(lines);
      return finishedOrAborted(out, done);
    },
  };
}

function xlsxWriter(out: Writable, header: string[], sheetName: string): RowWriter {
  // No shared strings and no styles: the writer then keeps nothing per row once it is committed.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).commit();
  return {
    row: (cells) => {
      sheet.addRow(cells).commit();
    },
    // The zip is compressed and piped to `out` as rows arrive; wait while the client is behind.
    batchDone: () => (out.writableNeedDrain ? drained(out, out) : Promise.resolve()),
    end: () => {
      sheet.commit();
      return finishedOrAborted(out, workbook.commit());
    },
  };
}

const SHEET_NAME: Record<Locale, string> = { da: 'Deltagere', sv: 'Deltagare', en: 'Participants' };

export async function exportParticipants(deps: ElectionDeps, ctx: CommandContext, input: ExportInput, target: ExportTarget): Promise<{ rows: number }> {
  authorize(ctx.actor, 'election.participants.export', { tenantId: ctx.tenantId });
  if (running >= MAX_CONCURRENT_EXPORTS) throw new TooManyRequestsError(5, 'Other exports are running; try again in a moment.');
  running++;
  try {
    return await exportRunning(deps, ctx, input, target);
  } finally {
    running--;
  }
}

async function exportRunning(deps: ElectionDeps, ctx: CommandContext, input: ExportInput, target: ExportTarget): Promise<{ rows: number }> {
  const { db, keyring } = deps;
  const { actor, tenantId } = ctx;
  const columns = [...new Set(input.columns)];
  const special = columns.filter(isSpecialColumn);
  const wants = (c: ParticipantColumn) => columns.includes(c);
  // A read-only snapshot for the count and the cursor (withTenant's transaction, with an isolation level).
  const written = await db.sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ }, async (tx) => {
    await db.sequelize.query("SELECT set_config('app.tenant_id', $1, true)", { bind: [tenantId], transaction: tx });
    await db.sequelize.query('SET TRANSACTION READ ONLY', { transaction: tx });
    const { partyFilter } = await authorizeList(db, tx, actor, 'election.participants.export', input.filter, { diets: wants('diets'), partyMembership: wants('partyMembership') });
    const tenant = await tenantFacts(db, tx, tenantId);
    const countBind: unknown[] = [];
    const [count] = await select<{ n: number }>(db, tx, `SELECT count(*)::integer AS n FROM participants p ${whereSql(input.filter, { id: tenantId, country: tenant.country }, countBind)}`, countBind);
    const total = count?.n ?? 0;
    const locale = input.locale ?? tenant.defaultLocale;
    const cellCtx: CellContext = { locale, zone: zoneOf(tenant.country) };
    if (wants('diets')) {
      // The key from memory or its own transaction (a first use creates it: not in this read-only one).
      const key = await dietKeyOf(keyring, tenantId);
      const names = await dietNames(db, tx);
      cellCtx.diets = (row: ExportRow) => {
        const choice = openDiets(key, tenantId, row.id, row.diets_sealed);
        return [...choice.dietIds.map((d) => names.get(d) ?? ''), ...(choice.note ? [choice.note] : [])].filter(Boolean).join('; ');
      };
    }

    if (wants('teams') || wants('partyMembership')) {
      const teams = new Map((await select<{ id: string; name: string; political_party: boolean }>(db, tx, 'SELECT id, name, political_party FROM teams')).map((t) => [t.id, t]));
      const collator = new Intl.Collator(tenant.country === 'SE' ? 'sv' : 'da');
      cellCtx.teams = (row: ExportRow, parties: boolean) => {
        const names: string[] = [];
        for (const id of row.team_ids ?? []) {
          const team = teams.get(id);
          if (team && team.political_party === parties) names.push(team.name);
        }
        return names.length > 1 ? names.sort(collator.compare).join('; ') : (names[0] ?? '');
      };
    }

    await db.withTenant(tenantId, (auditTx) =>
      recordAudit(db, auditTx, ctx, {
        action: 'election.participantsExported',
        entityType: 'electionParticipant',
        summary: { format: input.format, filter: auditedFilter(input.filter), sort: input.sort, order: input.order, columns, count: total, specialCategory: special.length > 0 || partyFilter, specialColumns: special },
      }),
    );
    target.start(total, locale);

    const header = columns.map((c) => COLUMN_LABELS[locale][c]);
    const writer = input.format === 'csv' ? csvWriter(target.out, header) : xlsxWriter(target.out, header, SHEET_NAME[locale]);
    const bind: unknown[] = [];
    const where = whereSql(input.filter, { id: tenantId, country: tenant.country }, bind);
    const fields = rowSelect({ ...(wants('teams') || wants('partyMembership') ? { teams: 'ids' as const } : {}), tasks: wants('tasks'), diets: wants('diets') });
    await db.sequelize.query(`DECLARE participant_export NO SCROLL CURSOR FOR SELECT ${fields} FROM participants p ${where} ${orderSql(input.sort, input.order, tenant.country)}`, { bind, transaction: tx });
    // The next batch is fetched while this one is written: the database and this process work side by side.
    const fetch = () => {
      const next = db.sequelize.query<ExportRow>(`FETCH ${EXPORT_BATCH} FROM participant_export`, { type: QueryTypes.SELECT, transaction: tx });
      next.catch(() => undefined); // awaited below; an abort may leave it unawaited
      return next;
    };
    let rows = 0;
    let pending = fetch();
    for (;;) {
      const batch = await pending;
      const more = batch.length === EXPORT_BATCH;
      if (more) {
        pending = fetch();
        // Let the query reach the database before this batch keeps the event loop busy.
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (const row of batch) {
        const waiting = writer.row(columns.map((c) => cellOf(c, row, cellCtx)));
        if (waiting) await waiting;
      }
      rows += batch.length;
      if (!more) break;
      await writer.batchDone();
    }
    await db.sequelize.query('CLOSE participant_export', { transaction: tx });
    return { rows, writer };
  });
  // Every row is written: the connection goes back to the pool while the last bytes reach the client.
  await written.writer.end();
  return { rows: written.rows };
}
