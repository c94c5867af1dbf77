import { Logger } from '@nestjs/common';
import { expandTurn, type ResponsesStore, type StoredResponseLookup } from '@switchboard/responses';
import type { ConversionClock } from '@switchboard/converters';
import type { ClientCall } from '../intake/client-call';
import { ResponseCapture } from './response-capture';

const logger = new Logger('ResponsesStore');

/** Without a store every earlier response is unknown. */
const EMPTY_LOOKUP: StoredResponseLookup = {
  findResponse: () => Promise.resolve(undefined),
  findItem: () => Promise.resolve(undefined),
};

/** One Responses request's stateful part: its history expanded before routing, its turn saved after success. */
export class ResponsesTurn {
  readonly capture = new ResponseCapture();

  private constructor(
    private readonly store: ResponsesStore | undefined,
    private readonly owner: string | null,
    private readonly turnInput: Record<string, unknown>[],
    private readonly previousResponseId: string | null,
    private readonly keep: boolean,
  ) {}

  /**
   * Expands `previous_response_id` and `item_reference` (404 `previous_response_not_found` / item not found as
   * GatewayErrors) and returns the stateless call the exchange sends.
   */
  static async begin(
    call: ClientCall,
    store: ResponsesStore | undefined,
    owner: string | null,
    clock: ConversionClock,
  ): Promise<{ call: ClientCall; turn: ResponsesTurn }> {
    const lookup = store?.lookup(owner) ?? EMPTY_LOOKUP;
    const expanded = await expandTurn(call.body, lookup, clock.newId);
    const keep = store !== undefined && call.body.store !== false;
    const turn = new ResponsesTurn(store, owner, expanded.turnInput, expanded.previousResponseId, keep);
    return { call: expanded.body === call.body ? call : { ...call, body: expanded.body }, turn };
  }

  /**
   * After the response has ended: stores the turn, never failing the request. Started here, not on a later tick,
   * so that the store knows of the save before any next request that chains on it can be read.
   */
  saveIfAnswered(): void {
    const response = this.capture.response;
    if (!this.keep || this.store === undefined || response === undefined) return;
    if (response.store === false) return;
    const store = this.store;
    const output = Array.isArray(response.output) ? (response.output as Record<string, unknown>[]) : [];
    const row = {
      id: String(response.id),
      ownerKeyId: this.owner,
      previousResponseId: this.previousResponseId,
      inputItems: this.turnInput,
      outputItems: output,
      response:
        this.previousResponseId === null
          ? response
          : { ...response, previous_response_id: this.previousResponseId },
    };
    store.save(row).catch((error: unknown) => {
      logger.warn(`Could not store response ${row.id}: ${(error as Error)?.message ?? String(error)}`);
    });
  }
}
