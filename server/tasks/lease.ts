import { randomBytes, randomInt } from 'node:crypto';
import type { Task } from '../../shared/protocol/tasks';
import { profileOf, type AccountRow } from '../accounts/repo';
import type { AppContext } from '../context';
import { transaction } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';
import { routableLanguages } from './languages';
import { adjustLoad, findTask, type LeaseRow, type TaskRow } from './repo';
import { claimTasks, pickActive, pickGold, pickNormal, pickRepeat, reclaimLapsed } from './select';
import { renderTask } from './view';

type Slot = 'normal' | 'gold' | 'repeat';

const LOCK_RATER = perDialect((d) => `SELECT id FROM accounts WHERE id = ?${d.forUpdate}`);

interface Planned {
  taskId: string;
  kind: Slot;
  swapped: number;
  repeatOf: string | null;
}

function drawSlots(count: number, goldShare: number, repeatShare: number): Slot[] {
  return Array.from({ length: count }, () => {
    const r = randomInt(1_000_000) / 1_000_000;
    if (r < goldShare) return 'gold';
    if (r < goldShare + repeatShare) return 'repeat';
    return 'normal';
  });
}

/** Gold and repeat slots that find nothing suitable fall back to normal items. */
async function planLease(
  ctx: AppContext,
  account: AccountRow,
  languages: string[],
  count: number,
  now: number,
): Promise<Planned[]> {
  const { options, db } = ctx;
  const planned: Planned[] = [];
  const used = new Set<string>();
  let normal = 0;
  for (const slot of drawSlots(count, options.goldShare, options.repeatShare)) {
    const gold = slot === 'gold' ? await pickGold(db, account.id, languages, used) : undefined;
    const repeat = slot === 'repeat' ? await pickRepeat(db, account.id, now - options.repeatMinAgeMs, used) : undefined;
    if (gold) planned.push({ taskId: gold.id, kind: 'gold', swapped: randomInt(2), repeatOf: null });
    else if (repeat)
      planned.push({ taskId: repeat.taskId, kind: 'repeat', swapped: 1 - repeat.swapped, repeatOf: repeat.voteId });
    else normal += 1;
    used.add(gold?.id ?? repeat?.taskId ?? '');
  }
  // Gold and repeat slots are drawn first whatever the policy, so their shares do not depend on it.
  const picked =
    options.pairSelection === 'active'
      ? await pickActive(db, ctx.leaderboard, account.id, languages, normal, options.maxRatersPerTask)
      : await pickNormal(db, account.id, languages, normal, options.maxRatersPerTask);
  const claimed = await claimTasks(db, picked, options.maxRatersPerTask);
  for (const id of picked) {
    if (!used.has(id) && claimed.has(id))
      planned.push({ taskId: id, kind: 'normal', swapped: randomInt(2), repeatOf: null });
  }
  // Shuffle so a gold or repeat item's position in the batch says nothing about it.
  for (let i = planned.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [planned[i], planned[j]] = [planned[j] as Planned, planned[i] as Planned];
  }
  return planned;
}

async function openLeaseCount(ctx: AppContext, accountId: number, now: number): Promise<number> {
  const row = (await sql(
    ctx.db,
    `SELECT COUNT(*) AS n FROM leases WHERE account_id = ? AND state = 'open' AND expires_at > ?`,
  ).get(accountId, now)) as { n: number };
  return row.n;
}

async function insertLease(
  ctx: AppContext,
  account: AccountRow,
  plan: Planned,
  task: TaskRow,
  now: number,
): Promise<LeaseRow> {
  const lease: LeaseRow = {
    id: `t_${randomBytes(16).toString('base64url')}`,
    task_id: plan.taskId,
    account_id: account.id,
    kind: plan.kind,
    swapped: plan.swapped,
    repeat_of: plan.repeatOf,
    issued_at: now,
    expires_at: now + ctx.options.leaseTtlMs,
    state: 'open',
  };
  await sql(
    ctx.db,
    `INSERT INTO leases (id, task_id, account_id, kind, swapped, repeat_of, issued_at, expires_at, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
  ).run(
    lease.id,
    lease.task_id,
    lease.account_id,
    lease.kind,
    lease.swapped,
    lease.repeat_of,
    lease.issued_at,
    lease.expires_at,
  );
  if (plan.kind === 'normal') await adjustLoad(ctx.db, task, 1);
  return lease;
}

/**
 * Hands out up to `count` new tasks. Fewer (possibly none) come back when
 * the rater's languages are exhausted or they hold too many open leases;
 * that is an answer, not an error.
 */
export async function leaseTasks(
  ctx: AppContext,
  account: AccountRow,
  count: number,
  now = Date.now(),
): Promise<Task[]> {
  const languages = routableLanguages(profileOf(account).languages);
  // Active selection scores pairs on the counts: catch up with other processes' votes first
  // (at most every statsMaxStaleMs), outside the lease's transaction.
  if (ctx.options.pairSelection === 'active') await ctx.leaderboard.refresh(ctx.db, now);
  return await transaction(ctx.db, async () => {
    // One lease at a time per rater, across processes: two at once could hand one item twice.
    await sql(ctx.db, LOCK_RATER).get(account.id);
    await reclaimLapsed(ctx.db, now, ctx.options.leaseGraceMs);
    const room = Math.max(0, ctx.options.maxOpenLeasesPerRater - (await openLeaseCount(ctx, account.id, now)));
    if (languages.length === 0 || room === 0) return [];
    const plans = await planLease(ctx, account, languages, Math.min(count, room), now);
    const rows: TaskRow[] = [];
    for (const plan of plans) rows.push((await findTask(ctx.db, plan.taskId)) as TaskRow);
    // Pair-load rows are updated in one fixed order (language, pair), so that two leases running
    // at once (PostgreSQL, several processes) cannot deadlock on them; the answer keeps the shuffled order.
    const pairOf = (i: number) => `${rows[i]?.lang_base}\u0000${rows[i]?.pair_key}`;
    const order = plans.map((_, i) => i).sort((x, y) => (pairOf(x) < pairOf(y) ? -1 : pairOf(x) > pairOf(y) ? 1 : 0));
    const leases: LeaseRow[] = [];
    for (const i of order) leases[i] = await insertLease(ctx, account, plans[i] as Planned, rows[i] as TaskRow, now);
    const tasks: Task[] = [];
    for (const [i, lease] of leases.entries())
      tasks.push(await renderTask(ctx, lease, rows[i] as TaskRow, account.public_id));
    return tasks;
  });
}

/** The rater's open, unexpired leases, for a client that lost its task cache. */
export async function openLeases(ctx: AppContext, account: AccountRow, now = Date.now()): Promise<Task[]> {
  const leases = (await sql(
    ctx.db,
    `SELECT * FROM leases WHERE account_id = ? AND state = 'open' AND expires_at > ? ORDER BY issued_at`,
  ).all(account.id, now)) as unknown as LeaseRow[];
  const tasks: Task[] = [];
  for (const lease of leases)
    tasks.push(await renderTask(ctx, lease, (await findTask(ctx.db, lease.task_id)) as TaskRow, account.public_id));
  return tasks;
}
