/** Source map v3, as esbuild writes it. */
export interface SourceMapV3 {
  version: number;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  [key: string]: unknown;
}

export function asciiBundle(code: string, map: SourceMapV3 | undefined): { code: string; map: string | undefined };
