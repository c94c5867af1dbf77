import { ResponsesStore, type ResponseToStore } from './responses.store';

const turn = (id: string): ResponseToStore => ({
  id,
  ownerKeyId: null,
  previousResponseId: null,
  inputItems: [],
  outputItems: [],
  response: { id },
});

/** A SqlRunner whose first INSERT waits until `release`; records each statement's first word as it starts. */
function heldInsert(insertFails = false) {
  const started: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const sql = async (text: string): Promise<unknown[]> => {
    const verb = text.trim().split(/\s+/)[0];
    started.push(verb);
    if (verb === 'INSERT') {
      await gate;
      if (insertFails) throw new Error('connection lost');
    }
    return [];
  };
  const store = new ResponsesStore(sql, { retentionMs: 60_000, maxBytesPerOwner: 1_000_000 });
  return { store, started, release };
}

describe('ResponsesStore: reads during a save', () => {
  it('a lookup of a response being saved waits for the save; another id does not', async () => {
    const { store, started, release } = heldInsert();
    const saved = store.save(turn('resp_1'));
    const found = store.find('resp_1', null);
    await store.find('resp_other', null);
    expect(started).toEqual(['INSERT', 'SELECT']);
    release();
    await Promise.all([saved, found]);
    // The owner bound's DELETE runs before the waiting SELECT.
    expect(started).toEqual(['INSERT', 'SELECT', 'DELETE', 'SELECT']);
  });

  it('an item lookup waits for every save running; a failed save does not fail the read', async () => {
    const { store, started, release } = heldInsert(true);
    const saved = store.save(turn('resp_1')).catch((error: Error) => error.message);
    const item = store.lookup(null).findItem('msg_1');
    await Promise.resolve();
    expect(started).toEqual(['INSERT']);
    release();
    await expect(item).resolves.toBeUndefined();
    await expect(saved).resolves.toBe('connection lost');
    expect(started).toEqual(['INSERT', 'SELECT']);
  });
});
