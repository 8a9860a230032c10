// The file the national election system imports: in Denmark, Valg Central (part of Det Fælles Valgsystem) takes
// the municipality's polling-station staff — role, name, birth date, polling district, personal number — so that
// they can log in to Valg Lokal on election day. Pure: rows in, bytes out.
//
// WHERE THE FORMAT COMES FROM (and what is assumed). No published specification of Valg Central's import file
// could be found (searched: OS2valghalla's repositories and documentation, public documentation and web pages).
// The closest documented sources, both of OS2valghalla (the system Danish municipalities use for this today):
//  1. Its user guide "Eksporter deltagere fra Valghalla til Valg Central",
//     github.com/OS2Valghalla/OS2valghalla-3-docs, docs/vejledninger/deltagere/eksporter_deltagere_fra_valghalla.md
//     (published at os2valghalla.github.io/OS2valghalla-3-docs): every polling district has a running number in
//     Valg Central which the work location must carry; the import may contain only the roles "Valgsekretær" and
//     "Tilforordnet", in column A (valgstyrere are imported as Tilforordnet); the file is finally saved from Excel
//     as "CSV UTF-8 (kommasepareret)"; an import overwrites, so the file holds everyone who needs Valg Lokal.
//  2. Its export code, github.com/OS2Valghalla/OS2valghalla-3 @ 5f2fe66 (2025-09-10),
//     Valghalla.Internal.Web/src/features/list/components/election-system-list/election-system-list.component.ts
//     with the column labels of src/assets/i18n/da.json (list.election_system_list.labels) and the date format of
//     src/shared/constants/date.ts: the columns Rolle, Fulde navn, Fødselsdato, Afstemningsområde, Brugernavn,
//     CPR-nummer in that order; birth date dd-MM-yyyy; the polling district as its number; Brugernavn always
//     empty; the CPR number as DDMMYY-XXXX (their commits 9302f71, 50203c7, ed1b273, e3ad034 settled on the hyphen).
// Their own file (ExcelJS's CSV writer: no BOM, LF) is not what is imported — the guide has users re-save it
// from Excel, which is the step this module saves them. So, as assumptions from (1) where (2) differs:
//  - encoding UTF-8 with a byte order mark (Excel's "CSV UTF-8" format writes one);
//  - separator a comma ("kommasepareret"; also what OS2valghalla writes). NOTE: Excel under Danish regional
//    settings may write ';' in that format; if Valg Central is found to require ';', change SEPARATOR only;
//  - records end in CRLF, the last one too (what Excel writes; RFC 4180);
//  - a field is quoted only when it holds the separator, a double quote or a line break, its quotes doubled
//    (RFC 4180; Excel does the same); no other escaping — a value is written as it is;
//  - one header row with the Danish labels above, whatever the administrator's language (it is Valg Central's file).
// The column order, labels and formats are the test fixture's (test/election/fixtures/election-system-export.csv,
// written by hand from the two sources above), compared field by field.

export const SEPARATOR = ',';
export const RECORD_END = '\r\n';
export const BOM = '\uFEFF';
export const HEADER = ['Rolle', 'Fulde navn', 'Fødselsdato', 'Afstemningsområde', 'Brugernavn', 'CPR-nummer'] as const;
export const CONTENT_TYPE = 'text/csv; charset=utf-8';

export interface ElectionSystemRow {
  /** The election system's role (the tenant's mapping of the slot's task type), e.g. "Tilforordnet". */
  roleName: string;
  givenName: string;
  familyName: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** The work location's polling-district number, as entered (e.g. "3"). */
  districtNumber: string;
  /** The whole personal number as stored (canonical digits: 10 for a CPR number, 12 for a personnummer). */
  personalNumber: string;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function field(value: string): string {
  return NEEDS_QUOTES.test(value) || value.includes(SEPARATOR) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** YYYY-MM-DD → DD-MM-YYYY. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error('birth date is not an ISO date');
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** 10 digits (CPR) → DDMMYY-XXXX; 12 digits (personnummer) → YYYYMMDD-XXXX. */
export function formatPersonalNumber(canonical: string): string {
  const digits = canonical.replace(/[^0-9]/g, '');
  if (digits.length !== 10 && digits.length !== 12) throw new Error('personal number is not 10 or 12 digits');
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

export function formatRow(row: ElectionSystemRow): string {
  const cells = [row.roleName, `${row.givenName} ${row.familyName}`, formatDate(row.birthDate), row.districtNumber.trim(), '', formatPersonalNumber(row.personalNumber)];
  return cells.map(field).join(SEPARATOR) + RECORD_END;
}

export function headerLine(): string {
  return BOM + HEADER.map(field).join(SEPARATOR) + RECORD_END;
}

/** The whole file. */
export function electionSystemFile(rows: Iterable<ElectionSystemRow>): Buffer {
  let text = headerLine();
  for (const row of rows) text += formatRow(row);
  return Buffer.from(text, 'utf8');
}
