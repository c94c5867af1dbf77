/** What every part of the strict Anthropic request validator shares. */

export type Json = Record<string, unknown>;

export const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
export const TOOL_ID = /^[a-zA-Z0-9_-]+$/;
export const SERVER_TOOL_TYPE =
  /^(web_search|web_fetch|code_execution|bash|text_editor|computer|memory|tool_search)_/;
export const EFFORTS = new Set(['low', 'medium', 'high', 'xhigh', 'max']);

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasText = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;

export class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  onlyKeys(path: string, value: Json, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(`${path}.${key}`, 'unknown field');
    }
  }
}
