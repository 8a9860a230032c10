// Task links as the API shows them: the admin site's record (with the link's URL on the tenant's public site and
// that URL as a QR code in SVG, for posters) and the public answer (already in its shape: resolve-link.ts).
import QRCode from 'qrcode';
import type { ElectionLink } from '../../../../schemas/types/election-link-record';
import { linkPagePath } from '../commands/links/link-tokens';
import { electionPageUrl } from '../public-pages';
import type { LinkListRow } from '../queries/links/list-links';

/** The URL as a QR code: an SVG document with a quiet zone, error correction M (a poster may get a little worn). */
export const qrSvg = (url: string): Promise<string> => QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });

/**
 * `publicOrigin`: the public site's origin (scheme, host, port), undefined when the tenant has no public host;
 * `locale`: the tenant's language, whose path of the link's page the URL has.
 */
export async function presentLink(row: LinkListRow, publicOrigin: string | undefined, locale: 'da' | 'sv' | 'en'): Promise<ElectionLink> {
  const url = publicOrigin ? electionPageUrl(publicOrigin, linkPagePath(row.token), locale) : '';
  return {
    id: row.id,
    kind: row.kind,
    electionId: row.electionId,
    ...(row.slot ? { slot: row.slot } : {}),
    ...(row.team ? { team: row.team } : {}),
    ...(row.filters ? { filters: row.filters } : {}),
    url,
    qrSvg: url ? await qrSvg(url) : '',
    status: row.status,
    vacant: row.vacant,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
