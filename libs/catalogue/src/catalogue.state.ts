import { ModelCatalogue, type ModelOverride } from './model-catalogue';
import { UnknownModelCounter } from './unknown-model.counter';

/**
 * The catalogue one process serves from: swapped whole when the stored overrides change, so a request reads
 * one consistent catalogue. Holds the unknown-model counter the telemetry lib exports.
 */
export class CatalogueState {
  private catalogue = new ModelCatalogue();
  readonly unknownModels = new UnknownModelCounter();

  get current(): ModelCatalogue {
    return this.catalogue;
  }

  applyOverrides(overrides: readonly ModelOverride[]): void {
    this.catalogue = this.catalogue.withOverrides(overrides);
  }
}
