// The MeMo message format (Meddelelsesmodellen, the Danish standard for Digital Post): an XML document with a
// MessageHeader (type, the message's UUID, title, sender CVR, recipient CPR) and a MessageBody whose main document
// carries the text (base64, text/plain). Built here for the Digital Post channel and read back by the simulator.
import { DOMParser } from '@xmldom/xmldom';

export const MEMO_NS = 'https://DigitalPost.dk/MeMo-1';

export interface MemoMessage {
  messageUUID: string;
  /** The title the person sees in their inbox. */
  label: string;
  senderId: string;
  senderLabel: string;
  /** The recipient's CPR number (10 digits). */
  recipientId: string;
  createdDateTime: string;
  language: 'da' | 'sv' | 'en';
  text: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function memoXml(m: MemoMessage): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<memo:Message xmlns:memo="${MEMO_NS}" memoVersion="1.1" memoSchVersion="1.1.0">
  <memo:MessageHeader>
    <memo:messageType>DIGITALPOST</memo:messageType>
    <memo:messageUUID>${esc(m.messageUUID)}</memo:messageUUID>
    <memo:label>${esc(m.label)}</memo:label>
    <memo:mandatory>false</memo:mandatory>
    <memo:legalNotification>false</memo:legalNotification>
    <memo:Sender>
      <memo:senderID>${esc(m.senderId)}</memo:senderID>
      <memo:idType>CVR</memo:idType>
      <memo:label>${esc(m.senderLabel)}</memo:label>
    </memo:Sender>
    <memo:Recipient>
      <memo:recipientID>${esc(m.recipientId)}</memo:recipientID>
      <memo:idType>CPR</memo:idType>
    </memo:Recipient>
  </memo:MessageHeader>
  <memo:MessageBody>
    <memo:createdDateTime>${esc(m.createdDateTime)}</memo:createdDateTime>
    <memo:MainDocument>
      <memo:File>
        <memo:encodingFormat>text/plain</memo:encodingFormat>
        <memo:filename>besked.txt</memo:filename>
        <memo:language>${esc(m.language)}</memo:language>
        <memo:content>${Buffer.from(m.text, 'utf8').toString('base64')}</memo:content>
      </memo:File>
    </memo:MainDocument>
  </memo:MessageBody>
</memo:Message>
`;
}

export class MemoFormatError extends Error {}

/** Reads a MeMo document; throws MemoFormatError naming the first element that is missing or wrong. */
export function parseMemo(xml: string): MemoMessage {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) } }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (errors.length > 0 || !root || root.localName !== 'Message' || root.namespaceURI !== MEMO_NS) throw new MemoFormatError('not a MeMo Message document');
  const one = (parent: Element, name: string): Element => {
    const found = Array.from(parent.getElementsByTagNameNS(MEMO_NS, name))[0];
    if (!found) throw new MemoFormatError(`${name} is missing`);
    return found;
  };
  const text = (parent: Element, name: string) => (one(parent, name).textContent ?? '').trim();
  const header = one(root, 'MessageHeader');
  const body = one(root, 'MessageBody');
  const recipient = one(header, 'Recipient');
  const sender = one(header, 'Sender');
  const file = one(one(body, 'MainDocument'), 'File');
  const m: MemoMessage = {
    messageUUID: text(header, 'messageUUID'),
    label: text(header, 'label'),
    senderId: text(sender, 'senderID'),
    senderLabel: text(sender, 'label'),
    recipientId: text(recipient, 'recipientID'),
    createdDateTime: text(body, 'createdDateTime'),
    language: text(file, 'language') as MemoMessage['language'],
    text: Buffer.from(text(file, 'content'), 'base64').toString('utf8'),
  };
  if (text(header, 'messageType') !== 'DIGITALPOST') throw new MemoFormatError('messageType must be DIGITALPOST');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(m.messageUUID)) throw new MemoFormatError('messageUUID must be a UUID');
  if (text(recipient, 'idType') !== 'CPR' || !/^\d{10}$/.test(m.recipientId)) throw new MemoFormatError('Recipient must be a CPR number (10 digits)');
  if (!m.label || m.label.length > 1000) throw new MemoFormatError('label must be 1–1000 characters');
  return m;
}
