// Where citizens find a published form: its readable address on the public site (/forms/<slug>), a button that
// copies it, and a QR code for posters and letters. The QR code is drawn here as an SVG data URL (no network;
// the CSP's img-src allows data:), so what the image says is exactly the address shown beside it.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function publicFormAddress(publicOrigin: string, slug: string): string {
  return `${publicOrigin}/forms/${encodeURIComponent(slug)}`;
}

export function PublicAddress({ address }: { address: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | undefined>();
  const [copyStatus, setCopyStatus] = useState('');

  useEffect(() => {
    let current = true;
    QRCode.toString(address, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => current && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      // Without a QR code the address and its copy button still do the job.
      () => current && setQr(undefined),
    );
    return () => {
      current = false;
    };
  }, [address]);

  const copy = () =>
    navigator.clipboard.writeText(address).then(
      () => setCopyStatus(t('designer.copied')),
      () => setCopyStatus(t('designer.copyFailed')),
    );

  return (
    <section className="designer-public-address" aria-labelledby="designer-public-address-heading">
      <h2 id="designer-public-address-heading">{t('designer.publicAddress')}</h2>
      <p>{t('designer.publicAddressHint')}</p>
      <p>
        <a href={address}>{address}</a>{' '}
        <button type="button" className="button-small" onClick={() => void copy()}>
          {t('designer.copyAddress')}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {copyStatus}
      </p>
      {qr ? <img className="designer-qr" src={qr} width={160} height={160} alt={t('designer.qrAlt', { address })} /> : null}
    </section>
  );
}
