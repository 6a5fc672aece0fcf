/**
 * At most `limit` reads per client per minute, so the app's server cannot be turned into someone's
 * crawler. In memory: one server process is what this app runs as; behind several, put the limit in
 * the proxy in front.
 */
export class RateLimit {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit = 30,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; false when the client has used up its window. */
  take(client: string): boolean {
    const now = this.now();
    const recent = (this.seen.get(client) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.seen.set(client, recent);
      return false;
    }
    recent.push(now);
    this.seen.set(client, recent);
    if (this.seen.size > 10_000) for (const [key, times] of this.seen) if (times.every((t) => now - t >= this.windowMs)) this.seen.delete(key);
    return true;
  }
}
