/**
 * Logger and console, captured into the execution's logs (ExecutionResult.logs, the runner's report.json). Logger.log
 * accepts a format string with `%s`-style placeholders like Apps Script; console.* formats like Node's console.
 */
import { formatWithOptions } from 'node:util';
import { ServiceObject } from '../facade';
import type { Execution } from '../execution';
import { javaFormat } from './utilities';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class LoggerImpl extends ServiceObject {
  get className(): string {
    return 'Logger';
  }

  private buffer: string[] = [];

  constructor(private readonly exec: Execution) {
    super();
  }

  log(data: unknown, ...values: unknown[]): this {
    const message = values.length && typeof data === 'string' ? javaFormat(data, values) : text(data);
    this.buffer.push(message);
    this.exec.log('Logger', message);
    return this;
  }

  getLog(): string {
    return this.buffer.map((l) => l + '\n').join('');
  }

  clear(): void {
    this.buffer = [];
  }
}

/** A `console` object for the script realm; its calls are logged, not counted as service calls. */
export function makeConsole(exec: Execution): Record<string, unknown> {
  const timers = new Map<string, number>();
  const out = new exec.realm.intrinsics.Object() as Record<string, unknown>;
  const levels = ['log', 'info', 'warn', 'error', 'debug'] as const;
  for (const level of levels) {
    out[level] = (...args: unknown[]) => exec.log(level, formatWithOptions({ colors: false, depth: 4 }, ...args));
  }
  out.time = (label = 'default') => timers.set(String(label), exec.rt.clock.now());
  out.timeEnd = (label = 'default') => {
    const start = timers.get(String(label));
    if (start !== undefined) exec.log('info', `${String(label)}: ${exec.rt.clock.now() - start}ms`);
  };
  return out;
}
