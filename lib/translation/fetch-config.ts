import { DEVICES, DTYPES, SOURCES, type EngineConfig } from './config';
import { EngineFailure } from './client';

/** The engine settings, read at request time from the server's environment (app/api/translation-config). */
export async function fetchEngineConfig(): Promise<EngineConfig> {
  let response: Response;
  try {
    response = await fetch('/api/translation-config', { cache: 'no-store' });
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
