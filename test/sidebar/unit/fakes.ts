/**
 * In-memory stand-ins for the ports the sidebar's use cases take: a scripted Chat gateway that records requests, a
 * clock whose sleep moves time, user properties, a cache, a scheduler with the 20-trigger limit, and an identity.
 */
import type { ChatGateway, ChatRequest, ChatResult } from '../../../src/ports/chat';
import type {
  Cache,
  Clock,
  Identity,
  RunContext,
  Scheduler,
  StateStore,
  TriggerInfo,
} from '../../../src/ports/runtime';
import type { SidebarDeps } from '../../../src/app/sidebar/deps';
import { explainFailure } from '../../../src/domain/apiErrors';

export class FakeChat implements ChatGateway {
  readonly requests: ChatRequest[] = [];
  batches = 0;
  constructor(public answer: (request: ChatRequest) => ChatResult = () => ({ ok: true, value: {} })) {}
  call(request: ChatRequest): ChatResult {
    this.requests.push(request);
    return this.answer(request);
  }
  callAll(requests: readonly ChatRequest[]): ChatResult[] {
    this.batches++;
    return requests.map((r) => this.call(r));
  }
  methods(): string[] {
    return this.requests.map((r) => r.method);
  }
}

export class FakeClock implements Clock {
  constructor(public ms = Date.UTC(2026, 0, 5, 9)) {}
  now(): number {
    return this.ms;
  }
  sleep(ms: number): void {
    this.ms += ms;
  }
}

export class MemoryState implements StateStore {
  readonly map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  set(key: string, value: string): void {
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  keys(prefix: string): string[] {
    return [...this.map.keys()].filter((k) => k.startsWith(prefix));
  }
}

export class MemoryCache implements Cache {
  readonly map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  getAll(keys: readonly string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) if (this.map.has(k)) out[k] = this.map.get(k) as string;
    return out;
  }
  putAll(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) this.map.set(k, v);
  }
}

export class FakeScheduler implements Scheduler {
  readonly triggers: (TriggerInfo & { minutes?: number })[] = [];
  private next = 1;
  constructor(private readonly where: RunContext = 'workspace-addon') {}
  context(): RunContext {
    return this.where;
  }
  scheduleOnce(handler: string): string {
    return this.add(handler);
  }
  scheduleEvery(handler: string, minutes: number): string {
    if (this.where !== 'bound' && minutes < 60)
      throw new Error('The recurrence interval for an Add-on trigger must be at least one hour.');
    return this.add(handler, minutes);
  }
  private add(handler: string, minutes?: number): string {
    if (this.triggers.length >= 20)
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const id = String(this.next++);
    this.triggers.push({ id, handler, minutes });
    return id;
  }
  delete(id: string): void {
    const i = this.triggers.findIndex((t) => t.id === id);
    if (i >= 0) this.triggers.splice(i, 1);
  }
  list(): TriggerInfo[] {
    return this.triggers.map(({ id, handler }) => ({ id, handler }));
  }
}

export const identity: Identity = { email: () => 'me@example.com', timeZone: () => 'Europe/Paris' };

export function fakeDeps(chat = new FakeChat()): SidebarDeps & {
  chat: FakeChat;
  clock: FakeClock;
  state: MemoryState;
  cache: MemoryCache;
  scheduler: FakeScheduler;
} {
  return {
    chat,
    clock: new FakeClock(),
    state: new MemoryState(),
    cache: new MemoryCache(),
    identity,
    scheduler: new FakeScheduler(),
    random: () => 0.5,
    explain: (failure, action) => explainFailure(failure, action),
  };
}

export function ok(value: unknown = {}): ChatResult {
  return { ok: true, value };
}

export function fail(httpStatus: number, status: string, message: string): ChatResult {
  return { ok: false, failure: { httpStatus, status, message } };
}
