/**
 * The in-memory Google Chat API v1 emulator: one object that owns the state, the organisation directory, the quota,
 * latency and fault models, and exposes them three ways — `apiHost` (HTTP-shaped, for UrlFetchApp and the
 * stand-alone server), `advancedService` (the `Chat` facade for the Apps Script runtime), and control helpers for
 * tests and the playground (`dump`/`load`, `requestLog`, `stats`, `reset`, `seedDirectory`, `snapshot`). All three
 * reach the same state through the same pipeline (host.ts). Behaviour follows the pinned discovery document and
 * the researched facts; every unconfirmed choice is a named option (options.ts).
 */
import type { AdvancedServiceBinding, ApiHost } from '../core/api';
import type { VirtualClock } from '../core/clock';
import { ChatBackend } from './backend';
import {
  listMethods,
  loadDiscovery,
  schemasWithExtensions,
  type DiscoveryDocument,
  type MethodInfo,
} from './discovery';
import { Directory, type DirectoryInput } from './directory';
import { chatServiceBinding, createChatFacade } from './facade';
import { FaultInjector, NO_FAULTS, parseFaultSpec, type FaultSpec } from './faults';
import { ChatHost } from './host';
import { LatencyCalculator, type LatencyModel } from './latency';
import { computeStats, type ChatStats, type RequestLogEntry } from './log';
import { resolveBehaviour, type BehaviourOptions } from './options';
import { QuotaTracker } from './quota';
import { renderMessage, renderReaction, renderSpace } from './render';
import { Router } from './router';
import { seedSpaces } from './seed';
import { cloneState, emptyState, type ChatState } from './state';
import { BodyValidator } from './validate';

export type { BehaviourOptions } from './options';
export type { DirectoryInput } from './directory';
export type { FaultSpec } from './faults';
export type { LatencyModel } from './latency';
export type { ChatState } from './state';
export type { RequestLogEntry, ChatStats } from './log';
export { chatServiceBinding, createChatFacade };

/** Constructor options. */
export interface ChatEmulatorOptions {
  /** The shared virtual clock (used for seeding times and `snapshot`; calls carry their own `now`). */
  clock: VirtualClock;
  /** Seed for ids, ordering, latency jitter and faults (default 1). */
  seed?: number;
  directory?: DirectoryInput;
  /** Fault spec (object or the string grammar of faults.ts). */
  faults?: FaultSpec | string;
  latency?: Partial<LatencyModel>;
  behaviour?: Partial<BehaviourOptions>;
  /** Cloud project number shown in quota errors (default 123456789012). */
  projectNumber?: string;
}

/** An admin's view of one space, for tests and the playground. */
export interface SpaceSnapshot {
  name: string;
  displayName?: string;
  spaceType: string;
  space: Record<string, unknown>;
  members: Array<{ name: string; email?: string; memberName?: string; type: string; role: string; state: string }>;
  messages: Array<Record<string, unknown>>;
}

/** The Chat API emulator. */
export class ChatEmulator {
  readonly apiHost: ApiHost;
  readonly advancedService: AdvancedServiceBinding;
  /** Every request handled, in order. */
  readonly requestLog: RequestLogEntry[] = [];
  /** Unexpected handler exceptions (emulator bugs), answered with 500 INTERNAL. */
  readonly internalErrors: Array<{ methodId: string; error: unknown }> = [];
  readonly behaviour: BehaviourOptions;
  readonly seed: number;
  readonly methods: MethodInfo[];
  readonly discovery: DiscoveryDocument;

  private readonly clock: VirtualClock;
  private directoryInput: DirectoryInput;
  private readonly backend: ChatBackend;
  private readonly quota: QuotaTracker;
  private readonly faults: FaultInjector;
  private readonly latency: LatencyCalculator;
  private readonly validator: BodyValidator;

  constructor(options: ChatEmulatorOptions) {
    this.clock = options.clock;
    this.seed = options.seed ?? 1;
    this.behaviour = resolveBehaviour(options.behaviour);
    this.discovery = loadDiscovery();
    this.methods = listMethods(this.discovery);
    const schemas = schemasWithExtensions(this.discovery, this.behaviour.schemaExtensions);
    this.validator = new BodyValidator(schemas);
    this.directoryInput = options.directory ?? {};
    const directory = new Directory(this.seed, this.directoryInput);
    this.backend = new ChatBackend(
      emptyState(this.seed, this.discovery.revision, directory.toJSON()),
      directory,
      this.behaviour,
      schemas,
    );
    this.reseed();
    this.quota = new QuotaTracker(() => this.behaviour.quotaWindow, options.projectNumber ?? '123456789012');
    const spec =
      typeof options.faults === 'string'
        ? parseFaultSpec(options.faults)
        : (options.faults ?? { ...NO_FAULTS, methods: [] });
    this.faults = new FaultInjector(spec, this.seed);
    this.latency = new LatencyCalculator(options.latency, this.seed);
    this.apiHost = new ChatHost({
      doc: this.discovery,
      router: new Router(this.methods),
      validator: () => this.validator,
      backend: () => this.backend,
      quota: this.quota,
      latency: this.latency,
      faults: this.faults,
      log: this.requestLog,
      onInternalError: (error, methodId) => this.internalErrors.push({ methodId, error }),
    });
    this.advancedService = { serviceId: 'chat', version: 'v1', create: (rt) => createChatFacade(rt, this.methods) };
  }

  /** Parses the fault spec grammar (see faults.ts). */
  static parseFaultSpec(spec: string): FaultSpec {
    return parseFaultSpec(spec);
  }

  /** The organisation directory (users, groups, settings). */
  get directory(): Directory {
    return this.backend.directory;
  }

  /** The latency model in effect. */
  get latencyModel(): Readonly<LatencyModel> {
    return this.latency.settings;
  }

  /** The fault spec in effect. */
  get faultSpec(): FaultSpec {
    return this.faults.spec;
  }

  /** Replaces the fault spec (string grammar or object). */
  setFaults(spec: FaultSpec | string): void {
    this.faults.configure(typeof spec === 'string' ? parseFaultSpec(spec) : spec);
  }

  /** Recreates the seeded spaces of the current directory input on an empty state. */
  private reseed(): void {
    const directory = new Directory(this.seed, this.directoryInput);
    this.backend.directory.load(directory.toJSON());
    this.backend.replaceState(emptyState(this.seed, this.discovery.revision, this.backend.directory.toJSON()));
    seedSpaces(this.backend, this.directoryInput.spaces, this.clock.now());
    this.backend.state.directory = this.backend.directory.toJSON();
  }

  /** A deep copy of the whole state (JSON-serialisable; `load` restores it exactly). */
  dump(): ChatState {
    const state = cloneState(this.backend.state);
    state.directory = this.backend.directory.toJSON();
    state.quota = this.quota.toJSON();
    return state;
  }

  /** Restores a dump (directory, ids counter, request ids, events, read states, quota windows). */
  load(state: ChatState): void {
    if (state.format !== 'chat-emulator-state') throw new Error('ChatEmulator.load: not a chat emulator state');
    const copy = cloneState(state);
    this.backend.directory.load(copy.directory);
    const quota = copy.quota;
    delete copy.quota;
    this.backend.replaceState(copy);
    this.quota.load(quota);
  }

  /** Empties the state back to the seeded directory, and clears the log, quota windows and fault counters. */
  reset(): void {
    this.reseed();
    this.quota.reset();
    this.faults.reset();
    this.requestLog.length = 0;
    this.internalErrors.length = 0;
  }

  /** Replaces the directory (and the org's existing spaces) and resets the state to it. */
  seedDirectory(input: DirectoryInput): void {
    this.directoryInput = input;
    this.reset();
  }

  /**
   * Every space event Chat recorded (a membership or message created, updated or deleted…), per space in the order
   * they happened: what a test counts to tell a change carried out once from one carried out twice.
   */
  events(): { space: string; eventType: string; resource: string; eventTime: string }[] {
    return this.backend.state.spaces.flatMap((s) =>
      s.events.map((e) => ({ space: s.name, eventType: e.eventType, resource: e.resource, eventTime: e.eventTime })),
    );
  }

  /** Counts per method id, 429s, 501s and injected faults. */
  stats(): ChatStats {
    return computeStats(this.requestLog, this.faults.counts);
  }

  /** Every space as an admin sees it: the space, members with their emails, and messages with reactions. */
  snapshot(): SpaceSnapshot[] {
    return this.backend.state.spaces.map((s) => ({
      name: s.name,
      displayName: s.displayName,
      spaceType: s.spaceType,
      space: renderSpace(s, { permissionSettings: true, extensions: this.behaviour.schemaExtensions }),
      members: s.members.map((m) => ({
        name: m.name,
        email: m.email,
        memberName: m.member?.name ?? m.groupMember?.name,
        type: m.groupMember ? 'GROUP' : (m.member?.type ?? 'HUMAN'),
        role: m.role,
        state: m.state,
      })),
      messages: s.messages.map((m) => ({ ...renderMessage(m, s), reactions: m.reactions.map(renderReaction) })),
    }));
  }

  /** Finds a space in the snapshot by display name. */
  findSpaceByDisplayName(displayName: string): SpaceSnapshot | undefined {
    return this.snapshot().find((s) => s.displayName === displayName);
  }
}
