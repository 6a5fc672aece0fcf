/**
 * At most `limit` reads per client per minute, so the app's server cannot be turned into someone's
 * crawler. In memory: one server process is what this app runs as; behind several, put the limit in
 * the proxy in front.
 */
export class RateLimit {
  /** Each client's request times in the window, least recently seen first (a Map keeps insertion order). */
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit = 30,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Clients remembered at most: past it, the one seen longest ago is forgotten, so memory stays bounded. */
    private readonly maxClients = 10_000,
  ) {}

  /** Counts a request; false when the client has used up its window. */
  take(client: string): boolean {
    const now = this.now();
    const recent = (this.seen.get(client) ?? []).filter((t) => now - t < this.windowMs);
    this.seen.delete(client); // re-inserted below: now the most recently seen
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.seen.set(client, recent);
    while (this.seen.size > this.maxClients) this.seen.delete(this.seen.keys().next().value!);
    return allowed;
  }

  /** How many clients are remembered (bounded by maxClients). */
  get size(): number {
    return this.seen.size;
  }
}
