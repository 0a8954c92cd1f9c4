import { useT } from '@/i18n/i18n';
import { emailingMessages } from '../../messages';

/**
 * The email's HTML is sender territory: it renders only in `<iframe sandbox="">` via `srcdoc` (no scripts,
 * no same-origin, no forms, no top navigation); the gateway's CSP also blocks remote images.
 */
export function EmailFrame({ html }: { html: string }) {
  const t = useT(emailingMessages);
  return (
    <iframe
      title={t('htmlFrame')}
      sandbox=""
      srcDoc={html}
      referrerPolicy="no-referrer"
      style={{ width: '100%', height: 600, border: '1px solid var(--mantine-color-default-border)', background: '#fff' }}
    />
  );
}
