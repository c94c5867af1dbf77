import fc from 'fast-check';

/** Whose error shape a case's 4xx must have: `neutral` for gateway paths that name neither protocol. */
export type FuzzTarget = 'openai' | 'anthropic' | 'neutral' | 'admin';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  /** Send the body chunked (Transfer-Encoding) in pieces of these sizes instead of with Content-Length. */
  chunks?: number[];
  /** A chunk-size line that is not hex: the request is malformed HTTP. */
  badChunkSize?: boolean;
}

export interface FuzzCase {
  target: FuzzTarget;
  requests: FuzzRequest[];
}

/** Models the fuzz routes serve (see fuzz-gateway.ts). */
export const OPENAI_CLIENT_MODELS = ['fz-openai-to-anthropic', 'fz-openai-passthrough'];
export const ANTHROPIC_CLIENT_MODELS = ['fz-anthropic-to-openai', 'fz-anthropic-passthrough'];

const deepJsonText = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A JSON value text: usually valid-shaped, sometimes mutated, deep, huge or not JSON at all. */
function bodyText(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  const mutated = fc
    .tuple(valid, fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 3 }))
    .map(([body, key, value]) => {
      const keys = Object.keys(body);
      const target = keys.length > 0 && key.length % 2 === 0 ? keys[key.length % keys.length] : key;
      return JSON.stringify({ ...body, [target]: value }) ?? '{}';
    });
  const deep = fc
    .tuple(
      valid,
      fc.integer({ min: 50, max: 6000 }),
      fc.constantFrom('messages', 'tools', 'metadata', 'content'),
    )
    .map(([body, depth, field]) => {
      const text = JSON.stringify({ ...body, [field]: '__DEEP__' });
      return text.replace(
        '"__DEEP__"',
        field === 'messages' ? `[{"role":"user","content":${deepJsonText(depth)}}]` : deepJsonText(depth),
      );
    });
  const huge = fc
    .tuple(valid, fc.integer({ min: 10_000, max: 2_000_000 }))
    .map(([body, size]) =>
      JSON.stringify({ ...body, messages: [{ role: 'user', content: 'x'.repeat(size) }] }),
    );
  const garbage = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('', 'null', '[]', '{', '{"model":', '"x"', '1e999'),
  );
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((body) => JSON.stringify(body)) },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
    { weight: 2, arbitrary: garbage },
  );
}

const openAiBody = fc.record({
  model: fc.constantFrom(...OPENAI_CLIENT_MODELS),
  messages: fc.constant([{ role: 'user', content: 'hi' }]),
  stream: fc.boolean(),
  max_tokens: fc.integer({ min: 1, max: 64 }),
});
const anthropicBody = fc.record({
  model: fc.constantFrom(...ANTHROPIC_CLIENT_MODELS),
  max_tokens: fc.integer({ min: 1, max: 64 }),
  messages: fc.constant([{ role: 'user', content: 'hi' }]),
  stream: fc.boolean(),
});
const adminRouteBody = fc.record({
  name: fc.string({ maxLength: 20 }),
  models: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  instances: fc.constant([
    { name: 'a', provider: 'openai', auth: { header: { authorization: 'Bearer k' } } },
  ]),
  timeout: fc.oneof(fc.integer(), fc.double()),
});

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
);
const oddHeader = fc
  .oneof(
    fc.tuple(
      fc.constantFrom(
        'anthropic-version',
        'anthropic-beta',
        'x-request-id',
        'accept',
        'x-stainless-retry-count',
      ),
      fc.string({ unit: 'binary-ascii', maxLength: 200 }),
    ),
    fc.tuple(
      fc.constant('x-filler'),
      fc.integer({ min: 100, max: 40_000 }).map((size) => 'y'.repeat(size)),
    ),
  )
  .map(([name, value]) => [name, value.replace(/[\r\n\0]/g, ' ')] as [string, string]);

function request(
  path: fc.Arbitrary<string>,
  method: fc.Arbitrary<string>,
  body: fc.Arbitrary<string>,
  auth: Array<[string, string]>,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path,
      method,
      body,
      type: contentType,
      odd: fc.array(oddHeader, { maxLength: 2 }),
      chunking: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }) },
      ),
      badChunkSize: fc.boolean(),
    })
    .map(({ path: target, method: verb, body: text, type, odd, chunking, badChunkSize }) => ({
      method: verb,
      path: target,
      headers: [...auth, ...(type ? [['content-type', type] as [string, string]] : []), ...odd],
      body: verb === 'GET' || verb === 'DELETE' ? undefined : Buffer.from(text),
      chunks: chunking,
      badChunkSize: chunking !== undefined && badChunkSize && text.length % 7 === 0,
    }));
}

/** Mostly the endpoint itself; sometimes a target clients would normalise away (absolute-form is served). */
const endpointPath = (endpoint: string, variants: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(endpoint) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `http://fuzz.test${endpoint}`,
        `${endpoint}/`,
        `/${endpoint}`,
        endpoint.replace('/v1/', '/v1//'),
        ...variants,
      ),
    },
  );

export function fuzzCase(adminToken: string): fc.Arbitrary<FuzzCase> {
  const openai = request(
    endpointPath('/v1/chat/completions', ['/v1/responses/', '/v1/models/x', '/v1/chat/completions/x']),
    fc.constant('POST'),
    bodyText(openAiBody),
    [['authorization', 'Bearer client']],
  );
  const anthropic = request(
    endpointPath('/v1/messages', ['/v1/messages/batches', '/v1/messages/count_tokens/']),
    fc.constant('POST'),
    bodyText(anthropicBody),
    [
      ['x-api-key', 'client'],
      ['anthropic-version', '2023-06-01'],
    ],
  );
  const neutral = request(
    fc.constantFrom(
      '/v1/unknown',
      '/v1',
      '//',
      '/nope',
      '/healthz/x',
      'http://fuzz.test/nope',
      '/V1/messages',
    ),
    fc.constantFrom('GET', 'POST', 'DELETE'),
    bodyText(openAiBody),
    [['authorization', 'Bearer client']],
  );
  const adminPath = fc.oneof(
    fc.constant('/admin/routes'),
    fc
      .constantFrom('fuzz-admin-1', 'fuzz-admin-2', '%00', '..', 'a%2Fb', '%E0%A4%A')
      .map((id) => `/admin/routes/${id}`),
  );
  const admin = adminPath.chain((path) =>
    request(
      fc.constant(path),
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      bodyText(adminRouteBody),
      [['authorization', `Bearer ${adminToken}`]],
    ),
  );
  const single = (target: FuzzTarget, arbitrary: fc.Arbitrary<FuzzRequest>) =>
    fc.tuple(arbitrary, fc.boolean(), arbitrary).map(([first, pipelined, second]) => ({
      target,
      requests: pipelined && !first.badChunkSize ? [first, second] : [first],
    }));
  return fc.oneof(
    single('openai', openai),
    single('anthropic', anthropic),
    single('neutral', neutral),
    single('admin', admin),
  );
}
