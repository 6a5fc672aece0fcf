import { expect, type BrowserContext, type Page } from '@playwright/test';

export type StorageFault = 'quota' | 'abort' | null;

/**
 * Lets a test make IndexedDB writes fail after the page has loaded, from outside the app: `quota` throws the
 * QuotaExceededError a full disk gives, `abort` lets the write start and aborts its transaction. Reads work.
 */
export async function installStorageFaults(context: BrowserContext) {
  await context.addInitScript(() => {
    const fault: { mode: string | null } = { mode: null };
    Object.defineProperty(window, '__storageFault', { value: fault });
    for (const method of ['put', 'add', 'delete', 'clear'] as const) {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (
        this: IDBObjectStore,
        ...args: unknown[]
      ) {
        if (fault.mode === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        const request = original.apply(this, args);
        if (fault.mode === 'abort') this.transaction.abort();
        return request;
      };
    }
  });
}

export async function setStorageFault(page: Page, mode: StorageFault) {
  await page.evaluate(
    (m) => ((window as unknown as { __storageFault: { mode: string | null } }).__storageFault.mode = m),
    mode,
  );
}

/** The browser closes the site's database under the page, as clearing site data or eviction does. */
export async function closeDatabaseLikeTheBrowser(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'indexeddb' });
  await cdp.detach();
}

/**
 * Every uncaught error and unhandled promise rejection in the page, for a test to assert there were none.
 * Call before the first navigation.
 */
export async function watchPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('unhandledrejection:')) errors.push(message.text());
  });
  await page.addInitScript(() => {
    addEventListener('unhandledrejection', (event) => console.error(`unhandledrejection: ${String(event.reason)}`));
  });
  return errors;
}

export const expectNoPageErrors = (errors: string[]) => expect(errors, errors.join('\n')).toEqual([]);
