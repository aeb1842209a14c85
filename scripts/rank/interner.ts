/**
 * Maps substrings of a large text to small integer ids without slicing them: FNV-1a over
 * the char codes into an open-addressing table, compared in place. A 1M-row vote file has
 * a few hundred distinct model names, so after warm-up every lookup allocates nothing.
 */
export class SubstringInterner {
  private readonly table = new InternTable();

  /** Id of text[start, end), adding it on first sight. */
  id(text: string, start: number, end: number): number {
    const hash = fnv1a(text, start, end);
    const { table } = this;
    const mask = table.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = table.slots[slot]!;
      if (id < 0) return table.insert(text.slice(start, end), hash, slot);
      if (table.hashes[id] === hash && equals(table.names[id]!, text, start, end)) return id;
    }
  }

  name(id: number): string {
    return this.table.names[id]!;
  }
}

/**
 * The same for bytes of a UTF-8 buffer (the CSV byte path): ids of byte ranges, compared in
 * place; a name is decoded once, on first sight.
 */
export class ByteRangeInterner {
  private readonly table = new InternTable();
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly bytes: Buffer) {}

  /** Id of bytes[start, end), adding it on first sight. */
  id(start: number, end: number): number {
    const { bytes, table } = this;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    hash >>>= 0;
    const mask = table.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = table.slots[slot]!;
      if (id < 0) {
        this.starts.push(start);
        this.ends.push(end);
        return table.insert(bytes.toString('utf8', start, end), hash, slot);
      }
      if (table.hashes[id] === hash && this.sameBytes(id, start, end)) return id;
    }
  }

  name(id: number): string {
    return this.table.names[id]!;
  }

  private sameBytes(id: number, start: number, end: number): boolean {
    const { bytes } = this;
    const known = this.starts[id]!;
    if (this.ends[id]! - known !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (bytes[known + i] !== bytes[start + i]) return false;
    return true;
  }
}

/** Open addressing from hash to id, shared by both interners. */
class InternTable {
  slots = new Int32Array(1024).fill(-1);
  readonly names: string[] = [];
  readonly hashes: number[] = [];

  insert(name: string, hash: number, slot: number): number {
    const id = this.names.length;
    this.names.push(name);
    this.hashes.push(hash);
    this.slots[slot] = id;
    if (this.names.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    });
  }
}

function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function equals(name: string, text: string, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
