import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine, RecordLog } from '../../../../electron/main/services/journal/recordLog';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-log-'));
}

function onlySegment(dir: string): string {
  const segments = fs.readdirSync(dir).filter((name) => name.startsWith('segment-'));
  expect(segments).toHaveLength(1);
  return path.join(dir, segments[0] as string);
}

describe('the record log', () => {
  it('writes one checksummed JSON object per line', () => {
    const line = encodeLine({ t: 'cast', n: 1 });
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ rec: { t: 'cast', n: 1 } });
    expect(decodeLine(line.trimEnd())).toEqual({ t: 'cast', n: 1 });
  });

  it('detects a flipped byte through the checksum', () => {
    const line = encodeLine({ choice: 'first' }).trimEnd().replace('first', 'furst');
    expect(decodeLine(line)).toBeNull();
  });

  it('refuses a line whose checksum is not eight hex digits or whose frame is broken', () => {
    const line = encodeLine({ n: 1 }).trimEnd();
    const checksum = line.slice(8, 16);
    expect(decodeLine(line.replace(checksum, checksum.toUpperCase()))).toEqual({ n: 1 });
    expect(decodeLine(line.replace(checksum, `${checksum.slice(0, 7)}g`))).toBeNull();
    expect(decodeLine(line.replace('"rec":', '"rac":'))).toBeNull();
    expect(decodeLine(line.replace('{"crc"', '{"crx"'))).toBeNull();
    expect(decodeLine(line.slice(0, -1))).toBeNull();
  });

  it('gives back every appended record, in order, after reopening', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir);
    log.append([{ n: 1 }, { n: 2 }]);
    log.append([{ n: 3 }]);
    log.close();
    const reopened = RecordLog.open(dir);
    expect(reopened.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(reopened.report).toMatchObject({ tornTailDropped: false, quarantined: 0, warnings: [] });
  });

  it('drops a torn last line (no newline) with a warning and keeps appending cleanly', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir);
    log.append([{ n: 1 }]);
    log.close();
    fs.appendFileSync(onlySegment(dir), encodeLine({ n: 2 }).slice(0, 20));
    const reopened = RecordLog.open(dir);
    expect(reopened.records).toEqual([{ n: 1 }]);
    expect(reopened.report.tornTailDropped).toBe(true);
    expect(reopened.report.warnings[0]).toMatch(/torn last record/);
    reopened.log.append([{ n: 3 }]);
    reopened.log.close();
    expect(RecordLog.open(dir).records).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('treats a last line of zero bytes (file grown, data never written) as torn', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir);
    log.append([{ n: 1 }]);
    log.close();
    fs.appendFileSync(onlySegment(dir), `${'\0'.repeat(40)}\n`);
    const reopened = RecordLog.open(dir);
    expect(reopened.records).toEqual([{ n: 1 }]);
    expect(reopened.report.tornTailDropped).toBe(true);
  });

  it('quarantines a damaged line in the middle, reports it and recovers everything else', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir);
    log.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
    log.close();
    const file = onlySegment(dir);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] as string).replace('"n":2', '"n":9');
    fs.writeFileSync(file, lines.join('\n'));
    const reopened = RecordLog.open(dir);
    expect(reopened.records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(reopened.report.quarantined).toBe(1);
    const quarantined = JSON.parse(fs.readFileSync(path.join(dir, 'quarantine.jsonl'), 'utf8').trim());
    expect(quarantined).toMatchObject({ line: 2 });
    expect(quarantined.raw).toContain('"n":9');
  });

  it('compacts to a single segment holding only the snapshot', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir, { segmentBytes: 200 });
    for (let n = 0; n < 20; n += 1) log.append([{ n, padding: 'x'.repeat(50) }]);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('segment-')).length).toBeGreaterThan(1);
    log.compact([{ state: 'all' }]);
    log.append([{ after: true }]);
    log.close();
    onlySegment(dir);
    expect(RecordLog.open(dir).records).toEqual([{ state: 'all' }, { after: true }]);
  });

  it('ignores a compaction that crashed before its rename, and one that crashed before deleting old segments', () => {
    const dir = tempDir();
    const { log } = RecordLog.open(dir);
    log.append([{ n: 1 }]);
    log.close();
    fs.writeFileSync(path.join(dir, 'segment-00000002.jsonl.tmp'), encodeLine('$snapshot'));
    expect(RecordLog.open(dir).records).toEqual([{ n: 1 }]);
    expect(fs.readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);

    fs.writeFileSync(path.join(dir, 'segment-00000002.jsonl'), encodeLine('$snapshot') + encodeLine({ snapshot: true }));
    expect(RecordLog.open(dir).records).toEqual([{ snapshot: true }]);
    onlySegment(dir);
  });
});
