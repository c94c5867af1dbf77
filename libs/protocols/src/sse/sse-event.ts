/** One server-sent event after framing is removed: `data` is the joined data lines, never parsed JSON. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
  retry?: number;
  /**
   * Set by encoders whose `data` is JSON text, which never holds a line break: framing then skips the search for
   * one (on a just-built string that search costs more than the framing: the string is joined first).
   */
  singleLine?: true;
}
