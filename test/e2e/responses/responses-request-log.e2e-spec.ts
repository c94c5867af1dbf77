import OpenAI from 'openai';
import { RequestRecordBus, type RequestRecord } from '@switchboard/proxy';
import { eventually } from '../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { collectRecords, type RecordCollector } from '../data-plane/support/record-collector';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Built-in tools a Responses conversion drops are named in the response header, in the published RequestRecord
 * and in the request log that GET /admin/requests/:id returns.
 */
describe('Responses: dropped built-in tools in the request record and the request log', () => {
  let upstream: AnthropicMock;
  let sb: RunningSwitchboard;
  let records: RecordCollector;
  let openai: OpenAI;
  const model = uniqueModel('responses-log');

  const admin = async (path: string): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${sb.adminToken}` },
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const logged = (requestId: string) =>
    eventually(
      () => admin(`/admin/requests/${requestId}`),
      (answer) => answer.status === 200,
      10_000,
    ).then((answer) => answer.body);

  beforeAll(async () => {
    upstream = await startAnthropicMock();
    sb = await startSwitchboard();
    records = collectRecords(sb.gatewayApp.get(RequestRecordBus));
    openai = new OpenAI({ apiKey: 'sk-client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
    const created = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(routeFor(model, [anthropicInstance('claude', upstream.url)])),
    });
    expect(created.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    records?.stop();
    await sb?.close();
    await upstream?.close();
  });

  it('names them in the record and in GET /admin/requests/:id', async () => {
    upstream.reply(reply.text('ok'));
    const { response } = await openai.responses
      .create(
        {
          model,
          input: 'Search the web',
          tools: [
            { type: 'web_search' },
            { type: 'function', name: 'shell', parameters: {}, strict: false },
            { type: 'image_generation' } as never,
          ],
        },
        { headers: { 'x-request-id': 'resp-log-dropped' } },
      )
      .withResponse();
    expect(response.headers.get('x-switchboard-dropped-tools')).toBe('web_search, image_generation');

    const record: RequestRecord = await records.forRequest('resp-log-dropped');
    expect(record.dropped_tools).toEqual(['web_search', 'image_generation']);
    expect(Object.isFrozen(record.dropped_tools)).toBe(true);

    const entry = await logged('resp-log-dropped');
    expect(entry).toMatchObject({
      endpoint: 'responses',
      client_protocol: 'openai-responses',
      dropped_tools: ['web_search', 'image_generation'],
    });
  });

  it('logs an empty list when nothing was dropped', async () => {
    upstream.reply(reply.text('ok'));
    await openai.responses.create(
      { model, input: 'hi', stream: false },
      { headers: { 'x-request-id': 'resp-log-none' } },
    );
    expect((await records.forRequest('resp-log-none')).dropped_tools).toEqual([]);
    expect((await logged('resp-log-none')).dropped_tools).toEqual([]);
  });
});
