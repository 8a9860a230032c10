// The participant list as CSV or XLSX, streamed: the same filters and order as the list, the columns the
// administrator chose (headed by their labels in the administrator's language), every row of the filter.
//
// One read-only REPEATABLE READ transaction holds a server-side cursor (DECLARE … FETCH 1000), so the count
// sent first (X-Total-Rows, for the page's progress) and the rows that follow are the same snapshot, and no more
// than a batch is ever in memory; the writer's back-pressure is respected between rows (CSV) and batches (XLSX).
// The audit row (election.participantsExported: the filter without the name searched for, the columns, the
// count, whether special-category data is in it) is committed in a transaction of its own before the first
// byte. Special-category columns (diets, party membership) come only when named, for those allowed; a filter
// by a party's team is special-category too (it says who the members are). A protected address is masked.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { QueryTypes, Transaction } from 'sequelize';
import type { CommandContext } from '../../../../audit/record';
import { recordAudit } from '../../../../audit/record';
import type { Locale } from '../../../../db/models';
import { zoneOf } from '../../../../flows/tenant-rules';
import { csvCell } from '../../../../queries/export-submissions';
import { select, type ElectionDeps } from '../../db';
import { cellOf, COLUMN_LABELS, isSpecialColumn, type CellContext, type ExportRow, type ParticipantColumn } from '../../participants/columns';
import { auditedFilter, orderSql, whereSql, type ParticipantFilter, type SortKey, type SortOrder } from '../../participants/filter';
import { dietNames, tenantFacts } from '../../participants/rows';
import { dietKeyOf, openDiets } from '../../participants/sealed-diets';
import { authorizeList, rowSelect } from './list-participants';

export const EXPORT_BATCH = 1000;
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

function csvWriter(out: Writable, header: string[]): RowWriter {
  // RFC 4180: CRLF between records, quotes where a value needs them (a lone CR or LF too, which csv-stringify
  // would otherwise leave bare); a BOM so spreadsheets read UTF-8.
  const csv = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  csv.pipe(out);
  csv.write(header.map(csvCell));
  return {
    row: (cells) => {
      if (!csv.write(cells.map(csvCell))) return drained(csv, out);
    },
    batchDone: async () => undefined,
    end: () => {
      const done = once(out, 'finish');
      csv.end();
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
    const fields = rowSelect({ ...(wants('teams') ? { teams: 'text' as const } : {}), ...(wants('partyMembership') ? { party: 'text' as const } : {}), tasks: wants('tasks'), diets: wants('diets') });
    await db.sequelize.query(`DECLARE participant_export NO SCROLL CURSOR FOR SELECT ${fields} FROM participants p ${where} ${orderSql(input.sort, input.order, tenant.country)}`, { bind, transaction: tx });
    let rows = 0;
    for (;;) {
      const batch = await db.sequelize.query<ExportRow>(`FETCH ${EXPORT_BATCH} FROM participant_export`, { type: QueryTypes.SELECT, transaction: tx });
      for (const row of batch) {
        const waiting = writer.row(columns.map((c) => cellOf(c, row, cellCtx)));
        if (waiting) await waiting;
      }
      rows += batch.length;
      if (batch.length < EXPORT_BATCH) break;
      await writer.batchDone();
    }
    await db.sequelize.query('CLOSE participant_export', { transaction: tx });
    return { rows, writer };
  });
  // Every row is written: the connection goes back to the pool while the last bytes reach the client.
  await written.writer.end();
  return { rows: written.rows };
}
