import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, modelOrigins } from './headers';

describe('where the page may connect', () => {
  it('is this origin alone for a self-hosted model, the Hub and its CDN for the Hub, and a mirror alone for a mirror', () => {
    expect(modelOrigins({ source: 'self', hubUrl: 'https://huggingface.co/' })).toEqual([]);
    expect(modelOrigins({ source: 'hub', hubUrl: 'https://huggingface.co/' })).toEqual([
      'https://huggingface.co',
      'https://*.hf.co',
    ]);
    expect(modelOrigins({ source: 'hub', hubUrl: 'https://models.example.org/mirror/' })).toEqual([
      'https://models.example.org',
    ]);
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
  });
});
