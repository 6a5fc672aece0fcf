import { DEVICES, DTYPES, SOURCES, type EngineConfig } from './config';
import { EngineFailure } from './client';
import { CONFIG_URL, EARLY_CONFIG } from '@/lib/store/prepaint';

/** The request the reader page's inline script started before any of the app loaded (taken once). */
function takeEarlyRequest(): Promise<Response> | undefined {
  const scope = globalThis as unknown as Record<string, Promise<Response> | undefined>;
  const early = scope[EARLY_CONFIG];
  scope[EARLY_CONFIG] = undefined;
  return early;
}

/** The engine settings, read at request time from the server's environment (app/api/translation-config). */
export async function fetchEngineConfig(): Promise<EngineConfig> {
  let response: Response;
  try {
    response = await (takeEarlyRequest() ?? fetch(CONFIG_URL, { cache: 'no-store' }));
  } catch (err) {
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    throw new EngineFailure({ code: offline ? 'offline' : 'blocked', message: String(err) });
  }
  if (!response.ok) throw new EngineFailure({ code: 'load', message: `translation settings: HTTP ${response.status}` });
  const config = (await response.json()) as EngineConfig;
  const valid =
    typeof config.modelId === 'string' &&
    SOURCES.includes(config.source) &&
    DTYPES.includes(config.dtype) &&
    DEVICES.includes(config.device) &&
    (config.threads === null || (Number.isInteger(config.threads) && config.threads > 0));
  if (!valid) throw new EngineFailure({ code: 'load', message: 'translation settings are malformed' });
  return config;
}
