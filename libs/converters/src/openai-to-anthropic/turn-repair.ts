import type {
  AnthropicContentBlock,
  AnthropicMessageParam,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
} from '@switchboard/protocols';
import { hasText, textBlock } from './content.mapper';

export interface Turn {
  role: 'user' | 'assistant';
  /** tool_result blocks (user turns only), always placed first. */
  results: AnthropicToolResultBlock[];
  blocks: AnthropicContentBlock[];
}

function resultText(result: AnthropicToolResultBlock): string {
  const content = result.content;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

/**
 * Makes mapped turns valid for Anthropic: empty turns dropped, same-role neighbours merged, every tool_use
 * answered in the next user turn, orphan results turned into text, a user turn first, the prefill trimmed.
 */
export function repairTurns(turns: Turn[]): AnthropicMessageParam[] {
  // Drop empty turns, then merge neighbours that now share a role.
  const merged: Turn[] = [];
  for (const turn of turns) {
    if (turn.results.length === 0 && turn.blocks.length === 0) continue;
    // An assistant turn holding only thinking cannot stand (its final block would be thinking).
    if (
      turn.role === 'assistant' &&
      turn.blocks.every((b) => b.type === 'thinking' || b.type === 'redacted_thinking')
    ) {
      continue;
    }
    const last = merged[merged.length - 1];
    if (last && last.role === turn.role) {
      last.results.push(...turn.results);
      last.blocks.push(...turn.blocks);
    } else {
      merged.push({ role: turn.role, results: [...turn.results], blocks: [...turn.blocks] });
    }
  }

  // Pair tool_use with tool_result: each assistant turn's calls must be answered by the next user turn.
  let pending: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    const turn = merged[i]!;
    if (turn.role === 'assistant') {
      const seen = new Set<string>();
      for (const block of turn.blocks) {
        if (block.type !== 'tool_use') continue;
        if (seen.has(block.id)) block.id = `${block.id}_${seen.size}`;
        seen.add(block.id);
      }
      pending = [...seen];
      const next = merged[i + 1];
      if (pending.length > 0 && (!next || next.role !== 'user')) {
        merged.splice(i + 1, 0, { role: 'user', results: [], blocks: [] });
      }
      continue;
    }
    const answered = new Set<string>();
    const kept: AnthropicToolResultBlock[] = [];
    const orphanTexts: AnthropicTextBlock[] = [];
    for (const result of turn.results) {
      if (pending.includes(result.tool_use_id) && !answered.has(result.tool_use_id)) {
        answered.add(result.tool_use_id);
        kept.push(result);
      } else {
        const text = textBlock(`Tool result (${result.tool_use_id}): ${resultText(result)}`);
        if (text && hasText(resultText(result))) orphanTexts.push(text);
      }
    }
    for (const id of pending) {
      if (!answered.has(id)) {
        kept.push({ type: 'tool_result', tool_use_id: id, content: '(no result)', is_error: true });
      }
    }
    turn.results = kept;
    turn.blocks = [...orphanTexts, ...turn.blocks];
    pending = [];
  }

  const out = merged.filter((turn) => turn.results.length > 0 || turn.blocks.length > 0);
  // Re-merge after orphan results emptied a turn.
  const final: Turn[] = [];
  for (const turn of out) {
    const last = final[final.length - 1];
    if (last && last.role === turn.role) {
      last.results.push(...turn.results);
      last.blocks.push(...turn.blocks);
    } else final.push(turn);
  }
  if (final.length > 0 && final[0]!.role === 'assistant') {
    final.unshift({ role: 'user', results: [], blocks: [{ type: 'text', text: '...' }] });
  }
  const lastTurn = final[final.length - 1];
  if (lastTurn && lastTurn.role === 'assistant') trimPrefill(final);

  return final.map((turn) => ({ role: turn.role, content: [...turn.results, ...turn.blocks] }));
}

/** A final assistant prefill must not end with whitespace. */
function trimPrefill(turns: Turn[]): void {
  const turn = turns[turns.length - 1]!;
  const last = turn.blocks[turn.blocks.length - 1];
  if (!last || last.type !== 'text') return;
  const trimmed = last.text.trimEnd();
  if (trimmed.length > 0) {
    last.text = trimmed;
    return;
  }
  turn.blocks.pop();
  if (turn.blocks.every((b) => b.type === 'thinking' || b.type === 'redacted_thinking')) turns.pop();
}
