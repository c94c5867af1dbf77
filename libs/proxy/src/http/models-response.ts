/** `GET /v1/models` bodies: OpenAI's list shape, or Anthropic's when the client sent `anthropic-version`. */
export function openAiModelList(models: readonly string[]): Record<string, unknown> {
  return {
    object: 'list',
    data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'switchboard' })),
  };
}

export function anthropicModelList(models: readonly string[]): Record<string, unknown> {
  return {
    data: models.map((id) => ({
      type: 'model',
      id,
      display_name: id,
      created_at: '1970-01-01T00:00:00Z',
    })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models[models.length - 1] ?? null,
  };
}
