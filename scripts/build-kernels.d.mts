export declare const KERNELS: string[];
export declare const BUILDS: Record<'simd' | 'relaxed', string[]>;
export declare function buildKernels(): Promise<
  Record<string, { simd: Uint8Array<ArrayBuffer>; relaxed: Uint8Array<ArrayBuffer> }>
>;
