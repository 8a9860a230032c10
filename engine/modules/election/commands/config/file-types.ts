// What a task type's attached file is, read from its bytes (never from its name or a header the uploader sends):
// a PDF starts with `%PDF-`; ODT and DOCX are ZIP archives. An ODT's first entry is `mimetype`, stored
// uncompressed, holding `application/vnd.oasis.opendocument.text` (ISO/IEC 26300, part 3); a DOCX holds
// `[Content_Types].xml` and `word/document.xml` (ECMA-376). The ZIP's central directory is read from its end
// record, every offset and length checked against the buffer, so a truncated or crafted archive is "not a type
// we keep", never an exception. Anything else (a renamed .exe, an old .doc, a spreadsheet) is refused.

export const FILE_TYPES = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export type TaskTypeFileType = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;
/** More entries than any document has: the walk stops there. */
const MAX_ENTRIES = 10_000;

interface ZipEntry {
  name: string;
  /** 0: stored (uncompressed). */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a ZIP's central directory, or undefined when the bytes are not a well-formed ZIP. */
export function zipEntries(data: Buffer): ZipEntry[] | undefined {
  if (data.length < 22) return undefined;
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - MAX_END_SEARCH); i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = data.readUInt16LE(end + 10);
  const size = data.readUInt32LE(end + 12);
  const offset = data.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES || offset + size > end) return undefined;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || data.readUInt32LE(at) !== CENTRAL_HEADER) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) return undefined;
    entries.push({ name: data.toString('utf8', at + 46, at + 46 + nameLength), method: data.readUInt16LE(at + 10), compressedSize: data.readUInt32LE(at + 20), localHeaderOffset: data.readUInt32LE(at + 42) });
    at = next;
  }
  return entries;
}

/** The bytes of a stored (uncompressed) entry, found through its local header. */
function storedContent(data: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (entry.method !== 0 || at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressedSize > data.length) return undefined;
  return data.subarray(start, start + entry.compressedSize);
}

/** The type the bytes show, when it is one a task type may have attached. */
export function sniffTaskTypeFile(data: Buffer): TaskTypeFileType | undefined {
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return FILE_TYPES.pdf;
  if (data.length < 4 || data.readUInt32LE(0) !== LOCAL_HEADER) return undefined;
  const entries = zipEntries(data);
  if (!entries) return undefined;
  const first = entries[0];
  if (first?.name === 'mimetype' && first.localHeaderOffset === 0 && storedContent(data, first)?.toString('latin1') === FILE_TYPES.odt) return FILE_TYPES.odt;
  const names = entries.map((e) => e.name);
  if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return FILE_TYPES.docx;
  return undefined;
}
