import { describe, expect, it } from 'vitest';
import type { JournalData } from './journal.js';
import { exec, makeShell } from './testing/run-shell.js';

const SCRIPT = 't=$EPOCHSECONDS; c=$(cat /f); r=$((RANDOM % 1)); echo "$c at $t"; ls /d | head -1; echo done';

function copy(j: JournalData): JournalData {
  return structuredClone(j);
}

describe('journal and replay', () => {
  it('records the clock, substitutions and statuses as plain data', async () => {
    const { shell, sys } = makeShell({ files: { '/f': 'one\n', '/d/a': '' } });
    sys.setTime(1_700_000_000_000);
    await exec(shell, SCRIPT);
    const kinds = shell.journal.entries.map((e) => e.kind);
    expect(kinds).toEqual(['clock', 'subst', 'random', 'pipeline']);
    expect(JSON.parse(JSON.stringify(shell.journal))).toEqual(shell.journal);
  });

  it('replays a run against changed files and clock with the same output', async () => {
    const live = makeShell({ files: { '/f': 'one\n', '/d/a': '' } });
    live.sys.setTime(1_700_000_000_000);
    const first = await exec(live.shell, SCRIPT);
    expect(first.stdout).toBe('one at 1700000000\na\ndone\n');

    const journal = copy(live.shell.journal);
    // As if the run stopped before the pipeline and before any output was delivered.
    journal.entries = journal.entries.slice(0, 3);
    journal.delivered = [0, 0];
    const again = makeShell({ files: { '/f': 'two\n', '/d/a': '' }, journal });
    again.sys.setTime(1_800_000_000_000);
    const replayed = await exec(again.shell, SCRIPT);
    expect(replayed.stdout).toBe(first.stdout);
    expect(again.shell.replaying).toBe(false);
  });

  it('does not deliver output again that was delivered before', async () => {
    const live = makeShell({ files: { '/f': 'one\n', '/d/a': '' } });
    const first = await exec(live.shell, SCRIPT);
    const again = makeShell({ files: { '/f': 'two\n' }, journal: copy(live.shell.journal) });
    const replayed = await exec(again.shell, SCRIPT);
    expect(replayed.stdout).toBe('');
    expect(again.shell.state.vars.get('c')?.s).toBe('one');
    expect(first.stdout).not.toBe('');
  });

  it('goes live where the journal ends', async () => {
    const live = makeShell({ files: { '/f': 'one\n', '/d/a': '' } });
    live.sys.setTime(1_700_000_000_000);
    const first = await exec(live.shell, SCRIPT);
    const journal = copy(live.shell.journal);
    journal.entries = journal.entries.slice(0, 1);
    journal.delivered = [0, 0];
    const again = makeShell({ files: { '/f': 'two\n', '/d/a': '' }, journal });
    const replayed = await exec(again.shell, SCRIPT);
    expect(replayed.stdout).toBe(first.stdout.replace('one', 'two'));
  });
});
