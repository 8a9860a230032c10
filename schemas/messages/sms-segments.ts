// How many SMS segments a text takes, shared by the server and the admin site's template editor. A text written
// only in the GSM 03.38 alphabet (GSM-7) fits 160 characters in one SMS and 153 in each part of a longer one (the
// rest carries the header that joins the parts); the characters of its extension table (€ [ ] { } and a few more)
// count twice. Any other character (an emoji, most non-Latin letters) sends the whole text as UCS-2: 70 in one,
// 67 in each part, counted in UTF-16 code units as the phone network does.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

export interface SmsSegments {
  encoding: 'gsm7' | 'ucs2';
  /** The length as the network counts it: GSM-7 septets (extension characters twice) or UTF-16 code units. */
  length: number;
  segments: number;
  /** Characters in one segment for this encoding and length (160/153 or 70/67). */
  perSegment: number;
}

export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXTENSION.includes(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const [length, single, multi] = gsm ? [septets, 160, 153] : [text.length, 70, 67];
  const segments = length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / multi);
  return { encoding: gsm ? 'gsm7' : 'ucs2', length, segments, perSegment: segments > 1 ? multi : single };
}
