'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';

const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/**
 * Registers the service worker (production builds only: in development it would serve stale code) and says,
 * quietly, when the reader is offline: what they have works, what needs the network waits.
 */
export function OfflineNotice() {
  const t = useTranslations('Site');
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    // After the page has loaded, so installing never competes with the first translation for bandwidth.
    const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }, []);

  if (online) return null;
  return (
    <p
      role="status"
      data-testid="offline-notice"
      className="border-b border-rule bg-panel px-4 py-2 text-center text-sm text-ink print:hidden"
    >
      {t('offline')}
    </p>
  );
}
