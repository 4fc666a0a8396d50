/**
 * Figures of a Messages-tab broadcast to 300 spaces, measured on the built bundle (dist/Code.js) in the offline
 * runtime (bound script, default Chat latency model, script CPU not charged to the clock): virtual time of active
 * execution against the quota bound (3,000 message writes a minute per project, 1 write a second per space), API
 * calls by method, 429 answers, executions and Log row, then the same run again (nothing posted twice). Run: `npx rollup -c --silent && npx tsx scripts/messages-broadcast.ts [spaces] [rows]`.
 */
import { estimateWorkload } from '../src/domain/quota';
import { MessagesWorkbook, writes } from '../test/integration/messagesHarness';

async function main(): Promise<void> {
  const spaces = Number(process.argv[2] ?? 300);
  const rows = Number(process.argv[3] ?? 1);
  const wb = await MessagesWorkbook.open({
    spaces,
    messages: Array.from({ length: rows }, (_, i) => ({ Space: '*', Message: `Update ${i + 1} for {{Space name}}` })),
  });
  const first = wb.runtime.execute('sendMessages');
  const rest = wb.runtime.runUntilIdle().executions;
  const executions = [first, ...rest];
  const calls: Record<string, number> = {};
  for (const e of executions) for (const [k, v] of Object.entries(e.apiCalls)) calls[k] = (calls[k] ?? 0) + v;
  const activeMs = executions.reduce((n, e) => n + e.virtualMs, 0);
  const wallMs = executions[executions.length - 1].endedAt - first.startedAt;
  const bound = estimateWorkload(
    wb.spaceNames.map((space) => ({ method: 'chat.spaces.messages.create', count: rows, space })),
  );
  const stats = wb.chat.stats() as { status429?: number };
  const posted = wb.spaceNames.reduce((n, s) => n + wb.messagesOf(s).length, 0);
  const log = wb.tab('Log').pop();
  const again = wb.runtime.execute('sendMessages');
  console.log(
    JSON.stringify(
      {
        spaces,
        rows,
        messagesPosted: posted,
        executions: executions.length,
        errors: executions.filter((e) => e.error).map((e) => e.error?.message),
        activeVirtualSeconds: +(activeMs / 1000).toFixed(2),
        wallVirtualSeconds: +(wallMs / 1000).toFixed(2),
        quotaBoundSeconds: +(bound.quotaBoundMinutes * 60).toFixed(1),
        busiestBucket: bound.busiest?.label,
        perSpaceSeconds: +((bound.busiestSpace?.minutes ?? 0) * 60).toFixed(1),
        apiCalls: calls,
        chatWrites: writes(calls),
        answered429: stats.status429 ?? 0,
        resend: {
          apiCalls: again.apiCalls,
          chatWrites: writes(again.apiCalls),
          virtualSeconds: +(again.virtualMs / 1000).toFixed(2),
        },
        logRow: log,
      },
      null,
      2,
    ),
  );
}

void main();
