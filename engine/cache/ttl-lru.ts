// A map in least-recently-used order with a time to live, bounded in size: what one process remembers of
// things it would otherwise read on every request (a host's tenant, an unwrapped data key, a module's keys and
// facts per session). An entry older than its time to live is gone; the oldest entry goes when it is full.
export class TtlLru<V> {
  private readonly map = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    if (hit.expiresAt <= this.now()) return undefined;
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  /** Forgets the entry; returns its value if it had one (expired or not), e.g. to wipe a key. */
  delete(key: string): V | undefined {
    const hit = this.map.get(key);
    this.map.delete(key);
    return hit?.value;
  }

  get size(): number {
    return this.map.size;
  }
}
