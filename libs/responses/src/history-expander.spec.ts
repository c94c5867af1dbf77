import { GatewayErrorCode } from '@switchboard/common/errors';
import { expandHistory, expandTurn, needsExpansion } from './history-expander';
import { withInputItemIds } from './input-item-ids';
import type { StoredResponse, StoredResponseLookup } from './stored-response';

function lookupOf(responses: StoredResponse[]): StoredResponseLookup {
  const byId = new Map(responses.map((r) => [r.id, r]));
  return {
    findResponse: async (id) => byId.get(id),
    findItem: async (id) =>
      responses.flatMap((r) => [...r.inputItems, ...r.outputItems]).find((item) => item.id === id),
  };
}

const stored = (
  id: string,
  previousResponseId: string | null,
  input: string,
  output: string,
): StoredResponse => ({
  id,
  ownerKeyId: null,
  previousResponseId,
  inputItems: [
    { id: `msg_in_${id}`, type: 'message', role: 'user', content: [{ type: 'input_text', text: input }] },
  ],
  outputItems: [
    {
      id: `msg_out_${id}`,
      type: 'message',
      role: 'assistant',
      content: [{ type: 'output_text', text: output, annotations: [] }],
    },
  ],
  response: {},
  createdAt: new Date(0),
  expiresAt: new Date(1),
});

const texts = (body: Record<string, unknown>) =>
  (body.input as { content: { text: string }[] | string }[]).map((i) =>
    typeof i.content === 'string' ? i.content : i.content[0].text,
  );

describe('expandHistory', () => {
  const lookup = lookupOf([stored('resp_1', null, 'q1', 'a1'), stored('resp_2', 'resp_1', 'q2', 'a2')]);

  it('replaces previous_response_id by the chain, oldest first, then the new input', async () => {
    const body = { model: 'm', previous_response_id: 'resp_2', input: 'q3', instructions: 'new only' };
    expect(needsExpansion(body)).toBe(true);
    const expanded = await expandHistory(body, lookup);
    expect(expanded).not.toHaveProperty('previous_response_id');
    expect(expanded.instructions).toBe('new only');
    expect(texts(expanded)).toEqual(['q1', 'a1', 'q2', 'a2', 'q3']);
  });

  it('resolves item_reference in place, with or without its type', async () => {
    const body = {
      model: 'm',
      input: [
        { type: 'item_reference', id: 'msg_out_resp_1' },
        { id: 'msg_in_resp_2' },
        { role: 'user', content: 'q3' },
      ],
    };
    expect(needsExpansion(body)).toBe(true);
    expect(texts(await expandHistory(body, lookup))).toEqual(['a1', 'q2', 'q3']);
  });

  it('answers an unknown previous response or item with 404 in OpenAI shape', async () => {
    await expect(
      expandHistory({ previous_response_id: 'resp_gone', input: 'x' }, lookup),
    ).rejects.toMatchObject({
      code: GatewayErrorCode.NOT_FOUND,
      clientCode: 'previous_response_not_found',
      param: 'previous_response_id',
    });
    await expect(
      expandHistory({ input: [{ type: 'item_reference', id: 'msg_gone' }] }, lookup),
    ).rejects.toMatchObject({
      code: GatewayErrorCode.NOT_FOUND,
      param: 'input',
      message: "Item with id 'msg_gone' not found.",
    });
  });

  it('treats a cyclic chain as not found instead of looping', async () => {
    const cyclic = lookupOf([stored('resp_a', 'resp_b', 'x', 'y'), stored('resp_b', 'resp_a', 'x', 'y')]);
    await expect(expandHistory({ previous_response_id: 'resp_a', input: 'z' }, cyclic)).rejects.toMatchObject(
      { clientCode: 'previous_response_not_found' },
    );
  });

  it('leaves plain requests alone', () => {
    expect(needsExpansion({ input: [{ role: 'user', content: 'x' }] })).toBe(false);
  });
});

describe('withInputItemIds', () => {
  it('gives every stored input item an id with its type prefix, keeping existing ids', () => {
    let n = 0;
    const items = withInputItemIds(
      [
        { role: 'user', content: 'x' },
        { type: 'function_call_output', call_id: 'c', output: 'o' },
        { type: 'function_call', id: 'fc_keep', call_id: 'c', name: 'f', arguments: '{}' },
        { type: 'custom_tool_call', call_id: 'p', name: 'apply_patch', input: '*** Begin Patch' },
      ],
      () => String(++n),
    );
    expect(items.map((i) => i.id)).toEqual(['msg_1', 'fco_2', 'fc_keep', 'ctc_3']);
    expect(items[0].type).toBe('message');
    expect(withInputItemIds('hi', () => 'z')[0]).toMatchObject({ id: 'msg_z', role: 'user' });
  });
});

describe('expandTurn', () => {
  it('returns the stateless body and this turn’s resolved input with ids', async () => {
    const lookup = lookupOf([stored('resp_1', null, 'q1', 'a1')]);
    let n = 0;
    const turn = await expandTurn({ model: 'm', previous_response_id: 'resp_1', input: 'q2' }, lookup, () =>
      String(++n),
    );
    expect(turn.previousResponseId).toBe('resp_1');
    expect(turn.turnInput).toEqual([{ id: 'msg_1', type: 'message', role: 'user', content: 'q2' }]);
    expect(turn.body.previous_response_id).toBe('resp_1');
    expect((turn.body.input as unknown[]).length).toBe(3);
  });

  it('leaves a plain request body untouched', async () => {
    const body = { model: 'm', input: 'hi' };
    const turn = await expandTurn(body, lookupOf([]), () => 'x');
    expect(turn.body).toBe(body);
    expect(turn.previousResponseId).toBeNull();
  });
});
