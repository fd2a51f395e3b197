import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journal } from "../../emulator/journal.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "acs-journal-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const create = (id: string, customId?: string) => JSON.stringify({ t: "create", id, at: 1, ...(customId ? { customId } : {}) });

describe("Journal", () => {
  it("drops a torn last line (an unacknowledged write) and compacts to a snapshot", async () => {
    const file = join(dir, "torn.jsonl");
    await writeFile(file, `${create("a", "alice")}\n${create("b")}\n{"t":"create","id":"c`);
    const { journal, state } = await Journal.open(file);
    expect([...state.identities.keys()]).toEqual(["a", "b"]);
    expect(state.customIds.get("alice")).toBe("a");
    await journal.append({ t: "revoke", id: "a", seq: 7 });
    await journal.close();
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l).t)).toEqual(["snapshot", "revoke"]);
    const reopened = await Journal.open(file);
    expect(reopened.state.identities.get("a")?.revokedSeq).toBe(7);
    expect(reopened.state.seq).toBe(7);
    await reopened.journal.close();
  });

  it("refuses a file corrupt in the middle, naming file and line", async () => {
    const file = join(dir, "corrupt.jsonl");
    await writeFile(file, `${create("a")}\nnot json\n${create("b")}\n`);
    await expect(Journal.open(file)).rejects.toThrow(`${file}:2: the emulator data file is corrupt (line is not JSON).`);
  });

  it("starts empty when the file does not exist", async () => {
    const { journal, state } = await Journal.open(join(dir, "new.jsonl"));
    expect(state.identities.size).toBe(0);
    await journal.close();
  });
});
