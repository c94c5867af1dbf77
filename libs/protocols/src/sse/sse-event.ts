/** One server-sent event after framing is removed: `data` is the joined data lines, never parsed JSON. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
  retry?: number;
}
