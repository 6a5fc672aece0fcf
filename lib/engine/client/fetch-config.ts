import * as z from 'zod/mini';
import { DEVICES, dtypeOption, QUALITIES, SOURCES, type EngineConfig } from '../shared/config';
import { EngineFailure } from '../shared/errors';
import { CONFIG_URL, EARLY_CONFIG } from './early-config';

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
  const config = engineConfig.safeParse(await response.json().catch(() => null));
  if (!config.success) throw new EngineFailure({ code: 'load', message: 'translation settings are malformed' });
  return config.data;
}

/** What the settings route serves (config.ts's EngineConfig), checked before the worker is told anything. */
const engineConfig = z.object({
  modelId: z.string().check(z.minLength(1)),
  revision: z.string(),
  source: z.enum(SOURCES),
  hubUrl: z.string(),
  dtype: z.string().check(z.refine((d) => dtypeOption(d) !== null)),
  device: z.enum(DEVICES),
  quality: z.enum(QUALITIES),
  batchRows: z.int().check(z.positive()),
  wasmPath: z.string(),
  threads: z.nullable(z.int().check(z.positive())),
});
