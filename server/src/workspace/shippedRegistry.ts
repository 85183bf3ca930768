import { EMPTY_REGISTRY, type Registry } from '../core/registry.js';

/** The registry shipped with the extension. */
export function createShippedRegistry(): Registry {
  return EMPTY_REGISTRY;
}
