import { compileUpstream } from './compiled-instance';
import { buildUpstreamHeaders, DEFAULT_ANTHROPIC_VERSION } from './upstream-headers';

const anthropicInstance = (header: Record<string, string> = { 'x-api-key': 'k' }) =>
  compileUpstream({
    name: 'a',
    provider: 'anthropic',
    protocol: 'anthropic-messages',
    auth: { header, query: {} },
    override: {},
  });

const openAiInstance = compileUpstream({
  name: 'o',
  provider: 'openai',
  protocol: 'openai-chat',
  auth: { header: { Authorization: 'Bearer sk-up' }, query: {} },
  override: {},
});

describe('buildUpstreamHeaders', () => {
  it('sends the instance auth, json content type, request id and the default anthropic-version', () => {
    const headers = buildUpstreamHeaders(anthropicInstance().headers, {
      clientProtocol: 'openai-chat',
      requestId: 'rid-1',
      stream: false,
    });
    expect(headers).toEqual({
      'content-type': 'application/json',
      'x-api-key': 'k',
      'x-request-id': 'rid-1',
      accept: 'application/json',
      'anthropic-version': DEFAULT_ANTHROPIC_VERSION,
    });
  });

  it('passes the Anthropic client anthropic-version and anthropic-beta through', () => {
    const headers = buildUpstreamHeaders(anthropicInstance().headers, {
      clientProtocol: 'anthropic-messages',
      requestId: 'r',
      stream: true,
      anthropicVersion: '2024-01-01',
      anthropicBeta: 'tools-2024',
    });
    expect(headers['anthropic-version']).toBe('2024-01-01');
    expect(headers['anthropic-beta']).toBe('tools-2024');
    expect(headers.accept).toBe('text/event-stream');
  });

  it('ignores an anthropic-version that an OpenAI client happened to send', () => {
    const headers = buildUpstreamHeaders(anthropicInstance().headers, {
      clientProtocol: 'openai-chat',
      requestId: 'r',
      stream: false,
      anthropicVersion: '1999-01-01',
    });
    expect(headers['anthropic-version']).toBe(DEFAULT_ANTHROPIC_VERSION);
  });

  it('lets auth.header pin any header, anthropic-version included, and drops hop headers', () => {
    const compiled = anthropicInstance({
      'X-Api-Key': 'k',
      'Anthropic-Version': '2023-01-01',
      Connection: 'close',
      Host: 'evil',
    });
    const headers = buildUpstreamHeaders(compiled.headers, {
      clientProtocol: 'anthropic-messages',
      requestId: 'r',
      stream: false,
      anthropicVersion: '2024-01-01',
    });
    expect(headers['anthropic-version']).toBe('2023-01-01');
    expect(headers['x-api-key']).toBe('k');
    expect(headers).not.toHaveProperty('connection');
    expect(headers).not.toHaveProperty('host');
  });

  it('never sends anthropic headers toward an OpenAI upstream', () => {
    const headers = buildUpstreamHeaders(openAiInstance.headers, {
      clientProtocol: 'anthropic-messages',
      requestId: 'r',
      stream: false,
      anthropicVersion: '2023-06-01',
      anthropicBeta: 'x',
    });
    expect(Object.keys(headers).sort()).toEqual(['accept', 'authorization', 'content-type', 'x-request-id']);
    expect(headers.authorization).toBe('Bearer sk-up');
  });

  it('marks azure-openai as dropping model from the body', () => {
    const azure = compileUpstream({
      name: 'z',
      provider: 'azure-openai',
      protocol: 'openai-chat',
      auth: { header: { 'api-key': 'k' }, query: {} },
      override: {
        endpoint: 'https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=1',
      },
    });
    expect(azure.removeModel).toBe(true);
    expect(openAiInstance.removeModel).toBe(false);
  });

  it('keeps model in the body toward the Azure Responses API (the deployment is the body model there)', () => {
    const azureResponses = compileUpstream({
      name: 'z',
      provider: 'azure-openai',
      protocol: 'openai-responses',
      auth: { header: { 'api-key': 'k' }, query: {} },
      override: { endpoint: 'https://r.openai.azure.com' },
    });
    expect(azureResponses.endpoint).toMatchObject({ url: 'https://r.openai.azure.com/openai/v1/responses' });
    expect(azureResponses.removeModel).toBe(false);
  });
});
