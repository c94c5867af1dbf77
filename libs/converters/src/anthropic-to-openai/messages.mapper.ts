import type { JsonObject } from '@switchboard/protocols';
import { rejectUnansweredCalls } from '../shared/anthropic-turns';
import { assistantTurn } from './assistant-turn.mapper';
import { toTurns } from './message-turns';
import type { MessageOut, MessagesOptions } from './messages-options';
import { systemTexts } from './system-texts';
import { userTurn } from './user-turn.mapper';

/** Anthropic `system` + `messages` → OpenAI `messages` (conversion-spec §5.2). */
export function mapMessages(body: JsonObject, options: MessagesOptions): MessageOut[] {
  const { turns, systems } = toTurns(body.messages);
  const system = [...systemTexts(body.system, 'system'), ...systems];
  const out: MessageOut[] = [];
  if (system.length > 0) out.push({ role: 'system', content: system.join('\n\n') });
  const openCalls = new Set<string>();
  for (const turn of turns) {
    if (turn.role === 'user') {
      userTurn(turn, openCalls, out);
    } else {
      rejectUnansweredCalls(openCalls);
      assistantTurn(turn, options, openCalls, out);
    }
  }
  return out;
}
