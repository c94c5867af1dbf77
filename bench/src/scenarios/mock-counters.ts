import type { MockCounters } from '../mocks/mock-upstream.server';

export async function readMockCounters(mockPort: number): Promise<MockCounters> {
  const response = await fetch(`http://127.0.0.1:${mockPort}/stats`);
  return (await response.json()) as MockCounters;
}

export async function resetMockCounters(mockPort: number): Promise<void> {
  await fetch(`http://127.0.0.1:${mockPort}/stats/reset`, { method: 'POST' });
}
