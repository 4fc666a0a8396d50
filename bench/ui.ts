/**
 * Sidebar figures: how long the homepage and a space card take to render for a user with a big Spaces tab (the
 * onboarding end state: 1,000 rows with Space IDs, 1,000 spaces of 61 members), in Workspace add-on mode through
 * the card callbacks the platform calls (runtime.buildEvent + runCardCallback). Reported per render: virtual
 * milliseconds (the 30-second callback budget is virtual time), the script's own CPU and the real milliseconds the
 * whole callback took in Node, as medians of a few renders.
 */
import { existingSpaces } from './scenarios/existingSpaces';
import { addOnProject, buildWorld } from './world';

export interface RenderFigures {
  label: string;
  virtualMs: number;
  cpuMs: number;
  realMs: number;
  apiCalls: number;
  spreadsheetCalls: number;
}

export interface UiFigures {
  bundleBytes: number;
  renders: RenderFigures[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Renders the homepage and a space card `times` times each and returns medians. */
export function measureUi(times = 5): RenderFigures[] {
  const setup = existingSpaces({ spaces: 1000, members: 60, messages: 3 });
  const world = buildWorld({
    project: addOnProject(),
    directory: setup.directory,
    tabs: setup.tabs,
    mode: 'workspace-addon',
  });
  const rt = world.runtime;
  const sample = (label: string, render: () => ReturnType<typeof rt.runCardCallback>): RenderFigures => {
    const runs: RenderFigures[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = process.hrtime.bigint();
      const r = render();
      const realMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.error) throw new Error(`${label}: ${r.error.message}`);
      runs.push({
        label,
        virtualMs: r.virtualMs,
        cpuMs: r.cpuMs,
        realMs,
        apiCalls: Object.values(r.apiCalls).reduce((a, b) => a + b, 0),
        spreadsheetCalls: Object.entries(r.serviceCalls)
          .filter(([k]) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(k))
          .reduce((a, [, v]) => a + v, 0),
      });
    }
    return {
      label,
      virtualMs: median(runs.map((r) => r.virtualMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
      realMs: median(runs.map((r) => r.realMs)),
      apiCalls: median(runs.map((r) => r.apiCalls)),
      spreadsheetCalls: median(runs.map((r) => r.spreadsheetCalls)),
    };
  };
  const homepage = () => rt.runCardCallback('onSheetsHomepage', rt.buildEvent({ kind: 'homepage' }));
  const home = sample('Homepage (1,000-row Spaces tab)', homepage);
  const card = homepage().returned;
  const action = findSpaceAction(card);
  if (!action) throw new Error('the homepage shows no space to open');
  const space = sample('Space card (61 members)', () =>
    rt.runCardCallback(action.function, rt.buildEvent({ kind: 'action', parameters: action.parameters })),
  );
  return [home, space];
}

/** The first clickable row of the homepage that opens a space card. */
function findSpaceAction(card: unknown): { function: string; parameters: Record<string, string> } | undefined {
  let found: { function: string; parameters: Record<string, string> } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const action = (
      node as { onClick?: { action?: { function?: string; parameters?: { key: string; value: string }[] } } }
    ).onClick?.action;
    if (action?.function === 'showSpace') {
      found = {
        function: action.function,
        parameters: Object.fromEntries((action.parameters ?? []).map((p) => [p.key, p.value])),
      };
      return;
    }
    for (const v of Object.values(node as Record<string, unknown>)) walk(v);
  };
  walk(card);
  return found;
}
