// SMS length in segments: GSM-7 fits 160 in one and 153 per part, its extension characters count twice; any other
// character makes the whole text UCS-2 (70 in one, 67 per part, in UTF-16 code units).
import { smsSegments } from '../../schemas/messages/sms-segments';

describe('smsSegments', () => {
  it('counts GSM-7 text: 160 in one, 153 per part', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', length: 0, segments: 0, perSegment: 160 });
    expect(smsSegments('Husk din opgave på Korsbæk Skole, Æblevej 1')).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', length: 160, segments: 1, perSegment: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', length: 161, segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts the extension characters twice', () => {
    expect(smsSegments('€')).toMatchObject({ encoding: 'gsm7', length: 2 });
    expect(smsSegments(`${'a'.repeat(158)}[]`)).toMatchObject({ length: 162, segments: 2 });
    expect(smsSegments(`${'a'.repeat(158)}€`)).toMatchObject({ length: 160, segments: 1 });
  });

  it('switches the whole text to UCS-2 for a character outside GSM-7', () => {
    // A Swedish text's "ä" is GSM-7, the en dash "–" is not.
    expect(smsSegments('Påminnelse – glöm inte')).toMatchObject({ encoding: 'ucs2', length: 22, segments: 1, perSegment: 70 });
    expect(smsSegments('ä'.repeat(70) + '–')).toEqual({ encoding: 'ucs2', length: 71, segments: 2, perSegment: 67 });
    expect(smsSegments('x'.repeat(134) + '–')).toMatchObject({ segments: 3 });
    // An emoji is two UTF-16 code units.
    expect(smsSegments('🗳')).toMatchObject({ encoding: 'ucs2', length: 2, segments: 1 });
  });
});
