// The baselines of `npm run bench:staffing-setup`, a bare Express 5 application in its own process (like
// bench-baseline-server.ts): no platform code, no session, no RLS, no audit.
//   GET /api/election/participants          the JSON object read from LIST_BODY_FILE (a real answer of the platform's
//                                           list), serialised anew each time: a body of the same size
//   GET /api/election/participants/export.csv   EXPORT_SQL's rows streamed from PostgreSQL (pg, one transaction,
//                                           DECLARE … CURSOR, FETCH 1000) as CSV with CRLF, back-pressure respected
//   GET /api/election/participants/export.xlsx  the same rows, read into memory once at start, written by ExcelJS's
//                                           streaming writer (no styles, no shared strings) to the response
// Environment: LIST_BODY_FILE, DATABASE_URL (the owner's), TENANT_ID, EXPORT_SQL (its one parameter is the tenant).
// It prints `{"port":N}` once it listens on 127.0.0.1 and runs until it is killed; GET /rss answers its RSS.
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

// pg has no type declarations in this project (the platform reaches it through Sequelize): the little used here.
interface PgResult {
  rows: unknown[][];
  fields: { name: string }[];
}
interface PgClient {
  connect(): Promise<void>;
  query(query: string | { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<PgResult>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => PgClient };

const listBody = JSON.parse(readFileSync(process.env.LIST_BODY_FILE!, 'utf8')) as unknown;
const databaseUrl = process.env.DATABASE_URL!;
const tenantId = process.env.TENANT_ID!;
const exportSql = process.env.EXPORT_SQL!;

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const waitDrain = (out: Writable) => new Promise<void>((resolve) => out.once('drain', resolve));

async function main(): Promise<void> {
  // The XLSX baseline's rows, in memory before it listens.
  const loader = new Client({ connectionString: databaseUrl });
  await loader.connect();
  const { rows: memoryRows, fields } = await loader.query({ text: exportSql, values: [tenantId], rowMode: 'array' });
  await loader.end();
  const header = fields.map((f) => f.name);

  const app = express();
  app.disable('x-powered-by');
  app.get('/rss', (_req, res) => {
    res.json({ rss: process.memoryUsage().rss });
  });
  app.get('/api/election/participants', (_req, res) => {
    res.json(listBody);
  });
  app.get('/api/election/participants/export.csv', async (_req, res) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query({ text: `DECLARE baseline_export NO SCROLL CURSOR FOR ${exportSql}`, values: [tenantId] });
      res.status(200).type('text/csv; charset=utf-8');
      res.flushHeaders();
      res.write(`\uFEFF${header.map(cell).join(',')}\r\n`);
      for (;;) {
        const batch = await client.query({ text: 'FETCH 1000 FROM baseline_export', rowMode: 'array' });
        for (const row of batch.rows) {
          if (!res.write(`${row.map(cell).join(',')}\r\n`)) await waitDrain(res);
        }
        if (batch.rows.length < 1000) break;
      }
      await client.query('COMMIT');
      res.end();
    } catch (err) {
      res.destroy(err as Error);
    } finally {
      await client.end();
    }
  });
  app.get('/api/election/participants/export.xlsx', async (_req, res) => {
    res.status(200).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Deltagere');
    sheet.addRow(header).commit();
    for (let i = 0; i < memoryRows.length; i++) {
      sheet.addRow(memoryRows[i]!).commit();
      if (i % 1000 === 999 && res.writableNeedDrain) await waitDrain(res);
    }
    sheet.commit();
    await workbook.commit();
  });

  const server = app.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, rows: memoryRows.length })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
