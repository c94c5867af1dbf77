import type { SseEvent } from '../sse/sse-event';
import { encodeOpenAiStreamEvent } from './openai-chat.stream';
import type { OpenAiChatChunk, OpenAiChatStreamEvent, OpenAiChunkDelta } from './openai-chat.types';

const CHUNK_KEYS = ['id', 'object', 'created', 'model', 'choices', 'usage'];
const CHOICE_KEYS = ['index', 'delta', 'logprobs', 'finish_reason'];

function hasKeys(value: object, expected: readonly string[], optionalLast: boolean): boolean {
  const keys = Object.keys(value);
  const length = optionalLast && keys.length === expected.length - 1 ? keys.length : expected.length;
  if (keys.length !== length) return false;
  for (let i = 0; i < length; i++) if (keys[i] !== expected[i]) return false;
  return true;
}

/**
 * `JSON.stringify(delta)`; a delta of one text field (nearly every chunk of a stream) as its string alone
 * stringified (measured 220 vs 370 ns a chunk on Node 20).
 */
function deltaJson(delta: OpenAiChunkDelta): string {
  let only: string | undefined;
  for (const key in delta) {
    if (only !== undefined) return JSON.stringify(delta);
    only = key;
  }
  if (only === 'content' || only === 'reasoning_content') {
    const text = delta[only];
    if (typeof text === 'string') return `{"${only}":${JSON.stringify(text)}}`;
  }
  return JSON.stringify(delta);
}

/**
 * Encodes one stream's events, byte for byte what `encodeOpenAiStreamEvent` writes, faster: the
 * `{"id":…,"object":…,"created":…,"model":…,"choices":[` head of a stream's chunks never changes, so it is
 * written once; only the delta is stringified per chunk (nearly every event of a stream is one small delta).
 * Chunks of another shape go through JSON.stringify.
 */
export class OpenAiChunkEncoder {
  private id: string | undefined;
  private created = 0;
  private model = '';
  private head = '';

  encode(event: OpenAiChatStreamEvent): SseEvent {
    if (event.kind !== 'chunk') return encodeOpenAiStreamEvent(event);
    const chunk = event.chunk;
    const choice = chunk.choices.length === 1 ? chunk.choices[0] : undefined;
    if (
      choice === undefined ||
      !hasKeys(chunk, CHUNK_KEYS, true) ||
      !hasKeys(choice, CHOICE_KEYS, false) ||
      (chunk.usage !== undefined && chunk.usage !== null)
    ) {
      return encodeOpenAiStreamEvent(event);
    }
    const finish = choice.finish_reason === null ? 'null' : JSON.stringify(choice.finish_reason);
    const logprobs = choice.logprobs === null ? 'null' : JSON.stringify(choice.logprobs);
    const usage = chunk.usage === null ? ',"usage":null' : '';
    return {
      data: `${this.headOf(chunk)}{"index":${choice.index},"delta":${deltaJson(choice.delta)},"logprobs":${logprobs},"finish_reason":${finish}}]${usage}}`,
      singleLine: true,
    };
  }

  private headOf(chunk: OpenAiChatChunk): string {
    if (chunk.id !== this.id || chunk.created !== this.created || chunk.model !== this.model) {
      this.id = chunk.id;
      this.created = chunk.created;
      this.model = chunk.model;
      this.head = `{"id":${JSON.stringify(chunk.id)},"object":${JSON.stringify(chunk.object)},"created":${JSON.stringify(chunk.created)},"model":${JSON.stringify(chunk.model)},"choices":[`;
    }
    return this.head;
  }
}
