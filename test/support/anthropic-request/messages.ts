import { isObject, hasText, type Problems } from './problems';
import {
  checkTextBlock,
  checkImageBlock,
  checkDocumentBlock,
  checkToolResultBlock,
  checkToolUseBlock,
} from './content-blocks';

interface TurnSummary {
  toolUseIds: string[];
  toolResultIds: string[];
}

function checkMessage(p: Problems, path: string, message: unknown, isLast: boolean): TurnSummary | undefined {
  if (!isObject(message)) {
    p.add(path, 'must be an object');
    return undefined;
  }
  p.onlyKeys(path, message, ['role', 'content']);
  const role = message.role;
  if (role !== 'user' && role !== 'assistant') {
    p.add(
      `${path}.role`,
      role === 'system' ? "use the top-level 'system' parameter" : 'must be user or assistant',
    );
    return undefined;
  }
  const summary: TurnSummary = { toolUseIds: [], toolResultIds: [] };
  const content = message.content;
  if (typeof content === 'string') {
    if (!hasText(content)) p.add(`${path}.content`, 'must contain non-whitespace text');
    if (isLast && role === 'assistant' && /\s$/.test(content)) {
      p.add(`${path}.content`, 'final assistant content cannot end with trailing whitespace');
    }
    return summary;
  }
  if (!Array.isArray(content) || content.length === 0) {
    p.add(`${path}.content`, 'must be a non-empty string or a non-empty array of blocks');
    return summary;
  }
  let seenNonResult = false;
  content.forEach((block, i) => {
    const blockPath = `${path}.content.${i}`;
    if (!isObject(block)) return p.add(blockPath, 'must be an object');
    const type = block.type;
    if (type === 'text') checkTextBlock(p, blockPath, block);
    else if (role === 'user' && type === 'image') checkImageBlock(p, blockPath, block);
    else if (role === 'user' && type === 'document') checkDocumentBlock(p, blockPath, block);
    else if (role === 'user' && type === 'tool_result') {
      if (seenNonResult)
        p.add(blockPath, 'tool_result blocks must come before any other content in the user turn');
      checkToolResultBlock(p, blockPath, block);
      if (typeof block.tool_use_id === 'string') summary.toolResultIds.push(block.tool_use_id);
    } else if (role === 'assistant' && type === 'tool_use') {
      checkToolUseBlock(p, blockPath, block);
      if (typeof block.id === 'string') summary.toolUseIds.push(block.id);
    } else if (role === 'assistant' && type === 'thinking') {
      p.onlyKeys(blockPath, block, ['type', 'thinking', 'signature']);
      if (typeof block.thinking !== 'string') p.add(`${blockPath}.thinking`, 'must be a string');
      if (!hasText(block.signature)) p.add(`${blockPath}.signature`, 'Field required');
    } else if (role === 'assistant' && type === 'redacted_thinking') {
      p.onlyKeys(blockPath, block, ['type', 'data']);
      if (!hasText(block.data)) p.add(`${blockPath}.data`, 'Field required');
    } else {
      p.add(`${blockPath}.type`, `block type ${JSON.stringify(type)} is not allowed in a ${role} message`);
    }
    if (type !== 'tool_result') seenNonResult = true;
  });
  if (role === 'assistant') {
    const lastBlock = content[content.length - 1] as unknown;
    if (isObject(lastBlock) && (lastBlock.type === 'thinking' || lastBlock.type === 'redacted_thinking')) {
      p.add(`${path}.content`, 'The final block in an assistant message cannot be thinking');
    }
    if (
      isLast &&
      isObject(lastBlock) &&
      lastBlock.type === 'text' &&
      typeof lastBlock.text === 'string' &&
      /\s$/.test(lastBlock.text)
    ) {
      p.add(`${path}.content`, 'final assistant content cannot end with trailing whitespace');
    }
  }
  return summary;
}

export function checkMessages(p: Problems, messages: unknown): boolean {
  if (!Array.isArray(messages) || messages.length === 0) {
    p.add('messages', 'required non-empty array');
    return false;
  }
  let usesTools = false;
  let previousRole: unknown;
  let pendingToolUses: string[] = [];
  messages.forEach((message, i) => {
    const path = `messages.${i}`;
    const summary = checkMessage(p, path, message, i === messages.length - 1);
    const role = isObject(message) ? message.role : undefined;
    if (i === 0 && role !== 'user') p.add(`${path}.role`, 'the first message must use the user role');
    if (i > 0 && role === previousRole)
      p.add(`${path}.role`, 'roles must alternate between user and assistant');
    if (summary) {
      if (summary.toolUseIds.length > 0 || summary.toolResultIds.length > 0) usesTools = true;
      if (role === 'user') {
        for (const id of summary.toolResultIds) {
          if (!pendingToolUses.includes(id)) {
            p.add(
              path,
              `tool_result ${id} does not answer a tool_use of the immediately preceding assistant turn`,
            );
          }
        }
        for (const id of pendingToolUses) {
          if (!summary.toolResultIds.includes(id)) {
            p.add(path, `tool_use ${id} of the previous assistant turn has no tool_result in this turn`);
          }
        }
        pendingToolUses = [];
      } else if (role === 'assistant') {
        if (pendingToolUses.length > 0)
          p.add(path, `tool_use ids ${pendingToolUses.join(', ')} have no tool_result`);
        const duplicates = summary.toolUseIds.filter((id, k) => summary.toolUseIds.indexOf(id) !== k);
        if (duplicates.length > 0) p.add(path, `duplicate tool_use ids ${duplicates.join(', ')}`);
        pendingToolUses = summary.toolUseIds;
      }
    }
    previousRole = role;
  });
  if (pendingToolUses.length > 0) {
    p.add(
      `messages.${messages.length - 1}`,
      `tool_use ids ${pendingToolUses.join(', ')} have no tool_result`,
    );
  }
  return usesTools;
}

export function checkSystem(p: Problems, system: unknown): void {
  if (system === undefined) return;
  if (typeof system === 'string') {
    if (!hasText(system)) p.add('system', 'must contain non-whitespace text');
    return;
  }
  if (!Array.isArray(system) || system.length === 0)
    return p.add('system', 'must be a string or a non-empty array of text blocks');
  system.forEach((block, i) => {
    if (!isObject(block) || block.type !== 'text') return p.add(`system.${i}`, 'must be a text block');
    checkTextBlock(p, `system.${i}`, block);
  });
}
