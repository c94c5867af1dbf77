/** A response the gateway stored (`store` true), as the history expansion and the endpoints need it. */
export interface StoredResponse {
  id: string;
  /** Consumer key that created it; `null` when keys are not in use. Another key never sees it. */
  ownerKeyId: string | null;
  previousResponseId: string | null;
  /** This turn's input items, each with an `id` (history inherited through the chain is not repeated). */
  inputItems: Record<string, unknown>[];
  outputItems: Record<string, unknown>[];
  /** The full `Response` object as the client received it. */
  response: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

/** Read access to stored responses, already scoped to one owner and to unexpired rows. */
export interface StoredResponseLookup {
  findResponse(id: string): Promise<StoredResponse | undefined>;
  /** An input or output item of any stored response of the owner, by item id. */
  findItem(id: string): Promise<Record<string, unknown> | undefined>;
}
