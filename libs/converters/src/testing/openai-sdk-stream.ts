import { ChatCompletionStream } from 'openai/lib/ChatCompletionStream';
import { Stream } from 'openai/streaming';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';

/** Parses encoded OpenAI SSE bytes with the official SDK (`Stream.fromSSEResponse`), as a client would. */
export async function parseWithOpenAiSdk(
  wire: string,
): Promise<{ chunks: ChatCompletionChunk[]; error?: unknown }> {
  const stream = Stream.fromSSEResponse<ChatCompletionChunk>(
    new Response(wire, { headers: { 'content-type': 'text/event-stream' } }),
    new AbortController(),
  );
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks };
}

/** Accumulates the stream with the SDK's ChatCompletionStream helper into its final chat completion. */
export async function accumulateWithOpenAiSdk(wire: string): Promise<ChatCompletion> {
  const stream = Stream.fromSSEResponse<ChatCompletionChunk>(
    new Response(wire, { headers: { 'content-type': 'text/event-stream' } }),
    new AbortController(),
  );
  return ChatCompletionStream.fromReadableStream(stream.toReadableStream()).finalChatCompletion();
}
