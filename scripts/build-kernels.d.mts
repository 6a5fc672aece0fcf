export declare const KERNELS: string[];
export declare const BUILDS: Record<'simd' | 'relaxed', string[]>;
export declare function buildKernels(): Promise<
  Record<string, { simd: Uint8Array<ArrayBuffer>; relaxed: Uint8Array<ArrayBuffer> }>
>;
/** Kernels the engine embeds: the committed module each is written to, and its constant's name. */
export declare const EMBEDDED: Record<'row-head', { out: string; name: string }>;
export declare function embeddedModule(kernel: 'row-head', binary: Uint8Array): string;
