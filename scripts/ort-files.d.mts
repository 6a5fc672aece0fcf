export const ORT_FILES: string[];
export function ortPackage(): { dist: string; version: string };
export function ortFolder(): string;
