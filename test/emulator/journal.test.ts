import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index.js";
import { Journal, type JournalProblem } from "../../emulator/journal.js";
import { killHard, spawnEmulator } from "./child.js";
import { signedCall } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "acs-journal-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fixed clock, so the name of the kept file is known: 2026-01-02T03:04:05.006Z. */
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
const KEPT = ".damaged-2026-01-02T03-04-05-006Z";

const create = (id: string, customId?: string) => JSON.stringify({ t: "create", id, at: 1, ...(customId ? { customId } : {}) });

/** Ten identities (the fourth with a customId) in the one-line snapshot form of earlier versions. */
const TEN = Array.from({ length: 10 }, (_, i) => ({
  id: `8:acs:r_${i}`,
  createdAt: 1000 + i,
  revokedSeq: i,
  ...(i === 3 ? { customId: "alice" } : {}),
}));
const SNAPSHOT = JSON.stringify({
  t: "snapshot",
  seq: 42,
  identities: TEN,
  assignments: [{ tenantId: "t1", objectId: "o1", principalType: "user", clientIds: ["app"] }],
});

async function openWith(name: string, content: string | Buffer) {
  const file = join(dir, name);
  await writeFile(file, content);
  const problems: JournalProblem[] = [];
  const { journal, state } = await Journal.open(file, { now: () => NOW, onProblem: (p) => problems.push(p) });
  await journal.close();
  return { file, state, problems, messages: problems.map((p) => p.message) };
}

async function filesLike(name: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith(name)).sort();
}

describe("Journal replay loses only the damaged records", () => {
  it("a one-line snapshot cut short by one byte: every intact record is recovered, the file kept", async () => {
    const { file, state, messages } = await openWith("cut.jsonl", SNAPSHOT.slice(0, -1));
    expect([...state.identities.keys()]).toEqual(TEN.map((i) => i.id));
    expect(state.customIds.get("alice")).toBe("8:acs:r_3");
    expect(state.seq).toBe(42);
    expect([...state.assignments.keys()]).toEqual(["t1/o1"]);
    expect(messages).toEqual([
      `error: ${file}:1: the whole-state snapshot line is damaged (cut short); recovered the records that are intact: 10 of 10 identities, 1 of 1 assignments.`,
      `notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}.`,
    ]);
    expect(await filesLike("cut.jsonl")).toEqual(["cut.jsonl", `cut.jsonl${KEPT}`]);
    expect(await readFile(`${file}${KEPT}`, "utf8")).toBe(SNAPSHOT.slice(0, -1));
    // Rewritten in the compacted form: one line per record.
    expect(
      (await readFile(file, "utf8"))
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).t),
    ).toEqual(["seq", ...TEN.map(() => "identity"), "assignmentPut"]);
  });

  it("a one-line snapshot that lost only its newline is complete and replayed as it is", async () => {
    const { state, messages } = await openWith("nonewline.jsonl", SNAPSHOT);
    expect(state.identities.size).toBe(10);
    expect(messages).toEqual([]);
    expect(await filesLike("nonewline.jsonl")).toEqual(["nonewline.jsonl"]);
  });

  it("a one-line snapshot with one byte changed loses the one identity that byte was in", async () => {
    const at = SNAPSHOT.indexOf('{"id":"8:acs:r_5"');
    const damaged = `${SNAPSHOT.slice(0, at)}(${SNAPSHOT.slice(at + 1)}\n`;
    const { file, state, messages } = await openWith("flip.jsonl", damaged);
    expect([...state.identities.keys()]).toEqual(TEN.filter((_, i) => i !== 5).map((i) => i.id));
    expect(state.seq).toBe(42);
    expect(messages).toEqual([
      `error: ${file}:1: the whole-state snapshot line is damaged (not valid JSON); recovered the records that are intact: 9 of 10 identities, 1 of 1 assignments.`,
      `notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}.`,
    ]);
    expect(await readFile(`${file}${KEPT}`, "utf8")).toBe(damaged);
  });

  it("records that cannot be replayed are refused with file, line and reason (no phantom identity)", async () => {
    const content = [
      create("a"),
      "null",
      '{"t":"snapshot","seq":1,"identities":5,"assignments":[]}',
      '{"t":"create"}',
      '{"t":"create","id":"b","at":"yesterday"}',
      '{"t":"revoke","id":"a"}',
      '{"t":"teleport","id":"a"}',
      create("c"),
      "",
    ].join("\n");
    const { file, state, messages } = await openWith("shapes.jsonl", content);
    expect([...state.identities.keys()]).toEqual(["a", "c"]);
    expect(state.identities.get("a")?.revokedSeq).toBe(0);
    expect(messages).toEqual([
      `error: ${file}:2: the record is not a JSON object; dropped it and replayed the other lines.`,
      `error: ${file}:3: 'snapshot' record: 'identities' and 'assignments' must be arrays; dropped it and replayed the other lines.`,
      `error: ${file}:4: 'create' record: 'id' must be a non-empty string; dropped it and replayed the other lines.`,
      `error: ${file}:5: 'create' record: 'at' must be a number; dropped it and replayed the other lines.`,
      `error: ${file}:6: 'revoke' record: 'seq' must be a non-negative integer; dropped it and replayed the other lines.`,
      `error: ${file}:7: unknown record type 'teleport'; dropped it and replayed the other lines.`,
      `notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}.`,
    ]);
  });

  it("a snapshot entry that cannot be replayed is dropped alone", async () => {
    const snapshot = JSON.stringify({
      t: "snapshot",
      seq: 3,
      identities: [{ id: "a", createdAt: 1, revokedSeq: 0 }, { createdAt: 1 }],
      assignments: [],
    });
    const { file, state, messages } = await openWith("entry.jsonl", `${snapshot}\n`);
    expect([...state.identities.keys()]).toEqual(["a"]);
    expect(messages).toEqual([
      `error: ${file}:1: snapshot identities[1]: 'id' must be a non-empty string; dropped that entry.`,
      `notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}.`,
    ]);
  });

  it("a torn last line is a warning; corruption in the middle is an error and the rest is replayed", async () => {
    const content = `${create("a", "alice")}\nnot json\n${Buffer.from([0x7b, 0xff, 0x7d]).toString("latin1")}\n${create("b")}\n{"t":"create","id":"c`;
    const { file, state, messages, problems } = await openWith("torn.jsonl", Buffer.from(content, "latin1"));
    expect([...state.identities.keys()]).toEqual(["a", "b"]);
    expect(state.customIds.get("alice")).toBe("a");
    expect(messages).toEqual([
      `error: ${file}:2: the line is not valid JSON; dropped it and replayed the other lines.`,
      `error: ${file}:3: the line is not valid UTF-8; dropped it and replayed the other lines.`,
      `warning: ${file}:5: the last line is incomplete (21 bytes, no newline), as a crash during a write leaves it; its request was never answered; dropped it.`,
      `notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}.`,
    ]);
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ["error", 2],
      ["error", 3],
      ["warning", 5],
      ["notice", undefined],
    ]);
    expect(problems[3]?.keptAs).toBe(`${file}${KEPT}`);
  });

  it("never overwrites a file already under the kept name", async () => {
    const file = join(dir, "twice.jsonl");
    await writeFile(`${file}${KEPT}`, "someone else's file");
    const { messages } = await openWith("twice.jsonl", `${create("a")}\nbroken\n`);
    expect(messages.at(-1)).toBe(`notice: ${file}: the file as it was before this start is kept as ${file}${KEPT}-1.`);
    expect(await readFile(`${file}${KEPT}`, "utf8")).toBe("someone else's file");
    expect(await readFile(`${file}${KEPT}-1`, "utf8")).toBe(`${create("a")}\nbroken\n`);
  });

  it("in the compacted form one damaged line loses one identity; a lost seq line is rebuilt from revocations", async () => {
    const file = join(dir, "compact.jsonl");
    await writeFile(file, `${create("a", "alice")}\n${create("b")}\n${create("c")}\n{"t":"revoke","id":"b","seq":9}\n`);
    await (await Journal.open(file, { onProblem: () => undefined })).journal.close();
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(lines).toEqual([
      '{"t":"seq","seq":9}',
      '{"t":"identity","id":"a","createdAt":1,"revokedSeq":0,"customId":"alice"}',
      '{"t":"identity","id":"b","createdAt":1,"revokedSeq":9}',
      '{"t":"identity","id":"c","createdAt":1,"revokedSeq":0}',
    ]);
    const damaged = ['{"t":"seq","seq":9', ...lines.slice(1, 2), lines[2]?.replace('"id"', '"i"'), lines[3], ""].join("\n");
    const { state, messages } = await openWith("compact.jsonl", damaged);
    expect([...state.identities.keys()]).toEqual(["a", "c"]);
    expect(state.seq).toBe(0);
    expect(messages.slice(0, 2)).toEqual([
      `error: ${file}:1: the line is not valid JSON; dropped it and replayed the other lines.`,
      `error: ${file}:3: 'identity' record: 'id' must be a non-empty string; dropped it and replayed the other lines.`,
    ]);
  });

  it("appends after compaction and replays them", async () => {
    const file = join(dir, "append.jsonl");
    await writeFile(file, `${create("a")}\n`);
    const { journal } = await Journal.open(file);
    await journal.append({ t: "revoke", id: "a", seq: 7 });
    await journal.close();
    const reopened = await Journal.open(file);
    expect(reopened.state.identities.get("a")?.revokedSeq).toBe(7);
    expect(reopened.state.seq).toBe(7);
    await reopened.journal.close();
    expect(await filesLike("append.jsonl")).toEqual(["append.jsonl"]);
  });

  it("starts empty when the file does not exist", async () => {
    const { journal, state } = await Journal.open(join(dir, "new.jsonl"));
    expect(state.identities.size).toBe(0);
    await journal.close();
  });

  it("startEmulator reports problems through onJournalProblem and serves what was recovered", async () => {
    const file = join(dir, "emulator.jsonl");
    await writeFile(file, SNAPSHOT.slice(0, -1));
    const problems: JournalProblem[] = [];
    const emu = await startEmulator({ dataFile: file, now: () => NOW, onJournalProblem: (p) => problems.push(p) });
    try {
      const stats = await signedCall(emu, "GET", "/_emulator/stats");
      expect(stats.json).toEqual({ identities: 10, assignments: 1 });
    } finally {
      await emu.close();
    }
    expect(problems.map((p) => p.severity)).toEqual(["error", "notice"]);
  });

  it("the CLI writes each problem to stderr and serves what was recovered", async () => {
    const file = join(dir, "cli.jsonl");
    await writeFile(file, `${create("a")}\n{"t":"create"}\n${create("b")}\n`);
    const child = await spawnEmulator(["--data", file]);
    try {
      const lines = child.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(`error: ${file}:2: 'create' record: 'id' must be a non-empty string; dropped it and replayed the other lines.`);
      expect(lines[1]).toMatch(
        new RegExp(
          `^notice: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the file as it was before this start is kept as .+\\.damaged-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z\\.$`,
        ),
      );
      const kept = (await filesLike("cli.jsonl")).filter((f) => f.includes(".damaged-"));
      expect(kept).toHaveLength(1);
      expect(await readFile(join(dir, kept[0] ?? ""), "utf8")).toBe(`${create("a")}\n{"t":"create"}\n${create("b")}\n`);
    } finally {
      await killHard(child);
    }
  });
});
