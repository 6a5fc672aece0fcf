export declare const KERNELS: string[];
export declare const BUILDS: Record<'simd' | 'relaxed', string[]>;
type Builds = { simd: Uint8Array<ArrayBuffer>; relaxed: Uint8Array<ArrayBuffer>; shared?: Uint8Array<ArrayBuffer> };
export declare function buildKernels(): Promise<Record<string, Builds>>;
/** Kernels the engine embeds: the committed module each is written to, and its constant's name. */
export declare const EMBEDDED: Record<'row-head' | 'projection', { out: string; name: string }>;
export declare function embeddedModule(kernel: 'row-head' | 'projection', builds: Builds): string;
