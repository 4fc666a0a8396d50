/**
 * Advanced services (appsscript.json `dependencies.enabledAdvancedServices`): each binding whose serviceId and
 * version the manifest enables is installed under the manifest's `userSymbol`; an enabled service with no binding is
 * simply absent. This file implements the `AdvancedServiceRuntime` a binding works through: `send` routes the
 * request to the API host (authenticated as the executing user with the manifest's scopes), counts it by discovery
 * method id, advances the clock by its latency and enforces the deadline, all through Execution.invoke.
 */
import type { AdvancedServiceBinding, AdvancedServiceRuntime, ApiOutcome, HttpRequest } from '../../core/api';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import type { Manifest } from '../options';
import { BlobImpl } from './blob';

/** The runtime handed to one advanced service for one execution. */
export function advancedRuntime(exec: Execution, userSymbol: string): AdvancedServiceRuntime {
  const scopes = exec.rt.config.manifest.oauthScopes ?? [];
  return {
    caller: { email: exec.user, scopes },
    send(request: HttpRequest): ApiOutcome {
      return exec.invoke(
        `${userSymbol}.send`,
        () => {
          if (exec.authMode !== 'FULL') throw new ScriptException(MSG.noPermission(userSymbol, scopes));
          const url = new URL(request.url);
          const host = exec.rt.net.find(url.hostname);
          if (!host) throw new Error(`No API host serves ${url.hostname} (advanced service ${userSymbol})`);
          const outcome = host.handle({
            request,
            path: 'advanced-service',
            caller: { email: exec.user, scopes },
            now: exec.rt.clock.now(),
          });
          exec.countApi(outcome, request.url);
          exec.advance(outcome.latencyMs);
          return outcome;
        },
        { convert: false, count: false },
      ) as ApiOutcome;
    },
    makeError(message: string, props?: Record<string, unknown>): Error {
      const name = typeof props?.name === 'string' ? props.name : 'Exception';
      const rest = { ...(props ?? {}) };
      delete rest.name;
      return exec.makeError(message, rest, name);
    },
    readBlob(value: unknown) {
      let impl = exec.bridge.implOf(value) ?? value;
      if (!(impl instanceof BlobImpl) && impl && typeof (impl as { getBlob?: unknown }).getBlob === 'function') {
        impl = (impl as { getBlob(): unknown }).getBlob();
      }
      if (!(impl instanceof BlobImpl)) return undefined;
      return {
        bytes: impl._bytes.slice(),
        contentType: impl._contentType ?? 'application/octet-stream',
        name: impl._name ?? '',
      };
    },
    toScript<T>(value: T): T {
      return exec.toScript(value);
    },
  };
}

/** Installs the advanced services the manifest enables and a binding provides. */
export function installAdvancedServices(
  exec: Execution,
  manifest: Manifest,
  bindings: readonly AdvancedServiceBinding[],
  global: Record<string, unknown>,
): void {
  for (const enabled of manifest.dependencies?.enabledAdvancedServices ?? []) {
    const binding = bindings.find((b) => b.serviceId === enabled.serviceId && b.version === enabled.version);
    if (binding) global[enabled.userSymbol] = binding.create(advancedRuntime(exec, enabled.userSymbol));
  }
}
