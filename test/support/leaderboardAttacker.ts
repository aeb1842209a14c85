import type { CountsResponse, CountsSegment, SegmentField, SegmentFilter } from '../../shared/protocol/leaderboard';
import { SEGMENT_FIELDS } from '../../shared/protocol/leaderboard';

/**
 * An automated attacker on the leaderboard's released aggregates, for the privacy tests.
 *
 * It asks for everything a signed-in rater may ask of GET /v1/leaderboard/counts over the
 * segment lattice (all votes; each field alone; each field value split by every other field;
 * each pair of values), notes every number the server puts on a segment, and then, column by
 * column — each model pair's four outcome counts separately, and each segment's vote total —
 * solves for every segment it was not shown. Its equations say that a segment is the sum of its
 * children along any one field (the "not set" value included where a field can be unset), so
 * one- and two-level differences, sums of siblings and any other linear combination of them are
 * all found, exactly, by Gauss–Jordan elimination. On top of that it knows that counts are never
 * negative: a zero anywhere makes every segment below it zero, and siblings that sum to zero are
 * each zero, which is what lets a rare pair give away who voted on it.
 */

/** The counts endpoint as a rater reaches it: its answer, or null when it refuses the query. */
export type AskCounts = (filter: SegmentFilter, by?: SegmentField) => Promise<CountsResponse | null>;

/** A field's "not set" value in the lattice: in every total, never something one can ask for. */
export const UNSET = '(unset)';

/** The column holding a segment's vote total; the others are `${lo}\0${hi}#${outcome}`. */
export const VOTES = 'votes';

/** Canonical name of a lattice node (at most two fields fixed, UNSET allowed). */
export function nodeKey(node: Partial<Record<SegmentField, string>>): string {
  return JSON.stringify(
    SEGMENT_FIELDS.filter((field) => node[field] !== undefined).map((field) => [field, node[field]]),
  );
}

export function nodeOf(key: string): Partial<Record<SegmentField, string>> {
  return Object.fromEntries(JSON.parse(key) as Array<[SegmentField, string]>);
}

/** Everything the server released to the attacker. */
export interface Release {
  /** Every value each one-field table names, shown or withheld. */
  names: Record<SegmentField, string[]>;
  /** Node → column → every number the server put on that segment. */
  numbers: Map<string, Map<string, number>>;
  /** Nodes released with their counts (a pair they do not list is zero there). */
  shown: Set<string>;
  /** Nodes a released table shows to be empty (a named value it does not list). */
  empty: Set<string>;
  requests: number;
  refused: number;
}

/** Asks for every released table and cell of the lattice of at most two fields. */
export async function collect(ask: AskCounts): Promise<Release> {
  const release: Release = {
    names: Object.fromEntries(SEGMENT_FIELDS.map((field) => [field, []])) as unknown as Release['names'],
    numbers: new Map(),
    shown: new Set(),
    empty: new Set(),
    requests: 0,
    refused: 0,
  };
  const get = async (filter: SegmentFilter, by?: SegmentField) => {
    release.requests += 1;
    const answer = await ask(filter, by);
    if (!answer) release.refused += 1;
    for (const segment of answer?.segments ?? []) note(release, segment);
    return answer;
  };
  await get({});
  for (const field of SEGMENT_FIELDS) {
    const table = await get({}, field);
    release.names[field] = (table?.segments ?? []).map((segment) => segment.segment[field] as string);
  }
  for (const [i, field] of SEGMENT_FIELDS.entries()) {
    for (const value of release.names[field]) {
      await get({ [field]: value });
      for (const by of SEGMENT_FIELDS)
        if (by !== field) noteEmpty(release, { [field]: value }, by, await get({ [field]: value }, by));
      for (const other of SEGMENT_FIELDS.slice(i + 1))
        for (const second of release.names[other]) await get({ [field]: value, [other]: second });
    }
  }
  return release;
}

function note(release: Release, segment: CountsSegment): void {
  const key = nodeKey(segment.segment);
  const numbers = release.numbers.get(key) ?? new Map<string, number>();
  release.numbers.set(key, numbers);
  if (segment.votes !== undefined) numbers.set(VOTES, segment.votes);
  if (segment.withheld) return;
  release.shown.add(key);
  const { models, rows } = segment.counts;
  for (const row of rows) {
    const pair = `${models[row.a]}\u0000${models[row.b]}`;
    [row.winsA, row.winsB, row.ties, row.bothBad].forEach((n, outcome) => numbers.set(`${pair}#${outcome}`, n));
  }
}

/**
 * What a split's silence says. A split that lists withheld values lists every value present, so
 * a name it leaves out is empty there (the old behaviour). One that lists only shown values
 * still says, when its slice is shown, that a value shown on its own but not listed is empty.
 */
function noteEmpty(release: Release, base: SegmentFilter, by: SegmentField, answer: CountsResponse | null): void {
  if (!answer) return;
  const listsWithheld = answer.segments.some((segment) => segment.withheld);
  if (!listsWithheld && !release.shown.has(nodeKey(base))) return;
  const listed = new Set(answer.segments.map((segment) => segment.segment[by]));
  for (const value of release.names[by]) {
    const knowable = listsWithheld || release.shown.has(nodeKey({ [by]: value }));
    if (knowable && !listed.has(value)) release.empty.add(nodeKey({ ...base, [by]: value }));
  }
}

/** A number the attacker holds for a segment it was not shown. */
export interface Recovery {
  node: string;
  column: string;
  value: number;
  /** The server stated it (the old behaviour's "1 rater, 9 votes"), rather than the attacker working it out. */
  stated: boolean;
}

interface Lattice {
  keys: string[];
  index: Map<string, number>;
  /** parent − Σ children = 0, one per parent and field it leaves free. */
  equations: Array<{ parent: number; children: number[] }>;
  descendants: number[][];
}

/** The segments of at most two fields over the names the server gave, plus UNSET where a field may be unset. */
function latticeOf(release: Release, unset: ReadonlySet<SegmentField>): Lattice {
  const values = (field: SegmentField) => [...release.names[field], ...(unset.has(field) ? [UNSET] : [])];
  const nodes: Array<Partial<Record<SegmentField, string>>> = [{}];
  for (const [i, field] of SEGMENT_FIELDS.entries()) {
    for (const value of values(field)) {
      nodes.push({ [field]: value });
      for (const other of SEGMENT_FIELDS.slice(i + 1))
        for (const second of values(other)) nodes.push({ [field]: value, [other]: second });
    }
  }
  const keys = nodes.map(nodeKey);
  const index = new Map(keys.map((key, i) => [key, i]));
  const at = (node: Partial<Record<SegmentField, string>>) => index.get(nodeKey(node)) as number;
  const equations: Lattice['equations'] = [];
  const descendants: number[][] = keys.map(() => []);
  nodes.forEach((node, parent) => {
    const fixed = Object.keys(node).length;
    if (fixed >= 2) return;
    for (const field of SEGMENT_FIELDS) {
      if (node[field] !== undefined) continue;
      const children = values(field).map((value) => at({ ...node, [field]: value }));
      equations.push({ parent, children });
    }
    descendants[parent] = nodes.flatMap((other, i) =>
      i !== parent && Object.entries(node).every(([f, v]) => other[f as SegmentField] === v) ? [i] : [],
    );
  });
  return { keys, index, equations, descendants };
}

/**
 * Works out every number it can for every segment it was not shown. `unset` names the fields
 * that can be unset for some votes (side knowledge the attacker is granted: without it, every
 * total hides an unknown "not set" part). Returns values for hidden segments only.
 */
export function attack(release: Release, unset: ReadonlySet<SegmentField>): Recovery[] {
  const lattice = latticeOf(release, unset);
  const columns = new Set<string>();
  for (const numbers of release.numbers.values()) for (const column of numbers.keys()) columns.add(column);
  const recoveries: Recovery[] = [];
  const solver = new ColumnSolver(lattice);
  for (const column of columns) {
    const known = lattice.keys.map((key) => given(release, key, column));
    solver.solve(known);
    known.forEach((value, i) => {
      const key = lattice.keys[i] as string;
      if (value === undefined || release.shown.has(key) || release.empty.has(key)) return;
      recoveries.push({ node: key, column, value, stated: release.numbers.get(key)?.has(column) ?? false });
    });
  }
  return recoveries;
}

function given(release: Release, key: string, column: string): number | undefined {
  if (release.empty.has(key)) return 0;
  const numbers = release.numbers.get(key);
  if (release.shown.has(key)) return numbers?.get(column) ?? 0;
  return numbers?.get(column);
}

const EPS = 1e-7;

/** Solves one column: non-negativity, then Gauss–Jordan, until nothing new is learned. */
class ColumnSolver {
  /** Unknown sets whose elimination determined nothing: the same system again would not either. */
  private readonly barren = new Set<string>();

  constructor(private readonly lattice: Lattice) {}

  solve(known: Array<number | undefined>): void {
    for (let round = 0; round < 50; round += 1) {
      this.propagateZeros(known);
      const equations = this.substituted(known);
      if (this.zeroSums(equations, known)) continue;
      const unknowns = [...new Set(equations.flatMap((equation) => [...equation.terms.keys()]))].sort((x, y) => x - y);
      const signature = unknowns.join(',');
      if (unknowns.length === 0 || this.barren.has(signature)) return;
      const solved = eliminate(equations);
      if (solved.size === 0) {
        this.barren.add(signature);
        return;
      }
      for (const [i, value] of solved)
        known[i] = Math.abs(value - Math.round(value)) < 1e-6 ? Math.round(value) : value;
    }
  }

  /** A zero segment has only zero segments below it. */
  private propagateZeros(known: Array<number | undefined>): void {
    known.forEach((value, i) => {
      if (value === 0) for (const child of this.lattice.descendants[i] ?? []) known[child] = 0;
    });
  }

  /** Each equation with the known segments moved to the right-hand side. */
  private substituted(known: Array<number | undefined>): Equation[] {
    const out: Equation[] = [];
    for (const { parent, children } of this.lattice.equations) {
      const terms = new Map<number, number>();
      let rhs = 0;
      for (const [i, coefficient] of [[parent, 1] as const, ...children.map((child) => [child, -1] as const)]) {
        const value = known[i];
        if (value === undefined) terms.set(i, (terms.get(i) ?? 0) + coefficient);
        else rhs -= coefficient * value;
      }
      if (terms.size > 0) out.push({ terms, rhs });
      else if (Math.abs(rhs) > EPS) throw new Error(`attacker: inconsistent release (an equation is off by ${rhs})`);
    }
    return out;
  }

  /** Unknowns of one sign summing to zero are each zero (counts are never negative). */
  private zeroSums(equations: Equation[], known: Array<number | undefined>): boolean {
    let learned = false;
    for (const { terms, rhs } of equations) {
      const signs = new Set([...terms.values()].map(Math.sign));
      if (signs.size !== 1 || Math.abs(rhs) > EPS) continue;
      for (const i of terms.keys()) known[i] = 0;
      learned = true;
    }
    return learned;
  }
}

interface Equation {
  terms: Map<number, number>;
  rhs: number;
}

/** Sparse Gauss–Jordan: the unknowns whose reduced row has no other unknown are determined. */
function eliminate(equations: Equation[]): Map<number, number> {
  const pivots = new Map<number, Equation>();
  for (const original of equations) {
    const row: Equation = { terms: new Map(original.terms), rhs: original.rhs };
    for (const [column, pivot] of pivots) {
      const factor = row.terms.get(column);
      if (factor) addScaled(row, pivot, -factor);
    }
    const [column, coefficient] = [...row.terms].sort(([x], [y]) => x - y)[0] ?? [];
    if (column === undefined || coefficient === undefined) {
      if (Math.abs(row.rhs) > 1e-6) throw new Error(`attacker: inconsistent equations (0 = ${row.rhs})`);
      continue;
    }
    scale(row, 1 / coefficient);
    for (const pivot of pivots.values()) {
      const factor = pivot.terms.get(column);
      if (factor) addScaled(pivot, row, -factor);
    }
    pivots.set(column, row);
  }
  const solved = new Map<number, number>();
  for (const [column, row] of pivots) if (row.terms.size === 1) solved.set(column, row.rhs);
  return solved;
}

function addScaled(row: Equation, other: Equation, factor: number): void {
  for (const [column, value] of other.terms) {
    const next = (row.terms.get(column) ?? 0) + factor * value;
    if (Math.abs(next) < 1e-9) row.terms.delete(column);
    else row.terms.set(column, next);
  }
  row.rhs += factor * other.rhs;
}

function scale(row: Equation, factor: number): void {
  for (const [column, value] of row.terms) row.terms.set(column, value * factor);
  row.rhs *= factor;
}
