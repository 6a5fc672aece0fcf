import type { useFormatter } from 'next-intl';

type Formatter = ReturnType<typeof useFormatter>;

/** A size in the reader's language, in the unit that shows it best: "820 bytes", "12 kB", "1.4 MB" (never "0 MB"). */
export function formatBytes(format: Formatter, bytes: number): string {
  if (bytes < 1000) return format.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  if (bytes < 1_000_000)
    return format.number(bytes / 1000, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return format.number(bytes / 1_000_000, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
}
