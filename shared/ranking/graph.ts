import type { PairTable } from './pairTable';
import type { RankingWarning } from './types';

/**
 * Existence of the Bradley–Terry MLE (Ford 1957; Hunter 2004, assumption 1): a finite
 * maximiser exists iff, in the directed graph with an edge i→j whenever i scored against j
 * (a win, or a tie counted as half a win), every model can reach every other. Otherwise
 * some ratings run off to ±∞ (undefeated/winless models, or a group that beat everyone
 * else), and if the undirected graph is disconnected the offsets between components are
 * not identified at all. The diagnosis tells the fitter to add its ridge.
 */
export interface GraphDiagnosis {
  warnings: RankingWarning[];
  /** True when no unique finite MLE exists and the fit must be regularised. */
  needsRidge: boolean;
}

export function diagnoseGraph(table: PairTable, models: readonly string[]): GraphDiagnosis {
  const warnings: RankingWarning[] = [];
  const components = connectedComponents(table);
  if (components.length > 1) {
    warnings.push({ kind: 'disconnected', components: components.map((c) => c.map((i) => models[i]!)) });
  }
  const { hasWin, hasLoss } = winsAndLosses(table);
  const explained = new Set<number>();
  for (let i = 0; i < table.n; i++) {
    if (!hasLoss[i]) warnings.push({ kind: 'undefeated', model: models[i]! });
    if (!hasWin[i]) warnings.push({ kind: 'winless', model: models[i]! });
    if (!hasLoss[i] || !hasWin[i]) explained.add(i);
  }
  const sccs = strongComponents(table);
  const sccOf = new Int32Array(table.n);
  sccs.forEach((scc, s) => scc.forEach((i) => (sccOf[i] = s)));
  let separable = false;
  for (const component of components) {
    const split = component.some((i) => sccOf[i] !== sccOf[component[0]!]);
    if (split && !component.some((i) => explained.has(i))) separable = true;
  }
  if (separable) warnings.push({ kind: 'separable', components: sccs.map((c) => c.map((i) => models[i]!)) });
  return { warnings, needsRidge: sccs.length > 1 };
}

function winsAndLosses(table: PairTable): { hasWin: Uint8Array; hasLoss: Uint8Array } {
  const hasWin = new Uint8Array(table.n);
  const hasLoss = new Uint8Array(table.n);
  for (let k = 0; k < table.m; k++) {
    const a = table.a[k]!;
    const b = table.b[k]!;
    if (table.score[k]! > 0) hasWin[a] = hasLoss[b] = 1;
    if (table.total[k]! - table.score[k]! > 0) hasWin[b] = hasLoss[a] = 1;
  }
  return { hasWin, hasLoss };
}

/** Undirected components (models with no votes are singletons), each sorted ascending. */
export function connectedComponents(table: PairTable): number[][] {
  const parent = Int32Array.from({ length: table.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let k = 0; k < table.m; k++) {
    if (table.total[k]! > 0) parent[find(table.a[k]!)] = find(table.b[k]!);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < table.n; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/** Strongly connected components of the "scored against" digraph (Kosaraju, iterative). */
export function strongComponents(table: PairTable): number[][] {
  const forward = adjacency(table, false);
  const backward = adjacency(table, true);
  const order: number[] = [];
  const seen = new Uint8Array(table.n);
  for (let s = 0; s < table.n; s++) if (!seen[s]) postOrder(forward, s, seen, order);
  const component = new Int32Array(table.n).fill(-1);
  const result: number[][] = [];
  for (let idx = order.length - 1; idx >= 0; idx--) {
    const root = order[idx]!;
    if (component[root]! >= 0) continue;
    const members: number[] = [];
    const stack = [root];
    component[root] = result.length;
    while (stack.length > 0) {
      const v = stack.pop()!;
      members.push(v);
      for (let e = backward.start[v]!; e < backward.start[v + 1]!; e++) {
        const w = backward.target[e]!;
        if (component[w]! < 0) {
          component[w] = result.length;
          stack.push(w);
        }
      }
    }
    result.push(members.sort((x, y) => x - y));
  }
  return result;
}

interface Adjacency {
  start: Int32Array;
  target: Int32Array;
}

/** CSR adjacency of edges winner→loser (reversed when `reverse`), built in two typed-array passes. */
function adjacency(table: PairTable, reverse: boolean): Adjacency {
  const start = new Int32Array(table.n + 1);
  const visit = (add: (from: number, to: number) => void): void => {
    for (let k = 0; k < table.m; k++) {
      const a = table.a[k]!;
      const b = table.b[k]!;
      if (table.score[k]! > 0) add(reverse ? b : a, reverse ? a : b);
      if (table.total[k]! - table.score[k]! > 0) add(reverse ? a : b, reverse ? b : a);
    }
  };
  visit((from) => start[from + 1]!++);
  for (let i = 0; i < table.n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, table.n);
  const target = new Int32Array(start[table.n]!);
  visit((from, to) => (target[fill[from]!++] = to));
  return { start, target };
}

function postOrder(graph: Adjacency, source: number, seen: Uint8Array, order: number[]): void {
  const stack: number[] = [source];
  const cursor: number[] = [graph.start[source]!];
  seen[source] = 1;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top]!;
    const e = cursor[top]!;
    if (e < graph.start[v + 1]!) {
      cursor[top] = e + 1;
      const w = graph.target[e]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
        cursor.push(graph.start[w]!);
      }
    } else {
      stack.pop();
      cursor.pop();
      order.push(v);
    }
  }
}
