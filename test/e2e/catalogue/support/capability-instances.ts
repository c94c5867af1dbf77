import { anthropicInstance, openAiInstance } from '../../data-plane/support/route-builders';

// deepseek-chat lacks images, PDFs, thinking and JSON schema output (catalogue); claude-sonnet-4-5 has them.

/** A text-only instance, preferred (priority 10): routing must skip it for what it cannot take. */
export const textInstance = (url: string) =>
  openAiInstance('deepseek-text', url, { priority: 10, options: { model: 'deepseek-chat' } });

/** A capable instance, tried second (priority 0). */
export const visionInstance = (url: string) =>
  anthropicInstance('claude-vision', url, { priority: 0, options: { model: 'claude-sonnet-4-5' } });
