export declare const ROOMS: Record<string, string[]>;
export declare function roomOf(relative: string): string | null;
export declare function forbidden(fromFile: string, target: string): string | null;
