/** A real 1×1 PNG, base64 (no data: prefix). */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export const WEATHER_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string', description: 'City name' } },
  required: ['city'],
};

export const openAiWeatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Current weather for a city', parameters: WEATHER_SCHEMA },
};

export const anthropicWeatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: WEATHER_SCHEMA as { type: 'object'; properties: Record<string, unknown>; required: string[] },
};
