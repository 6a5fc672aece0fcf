/** A form's submit button: disabled and saying what it is doing while the form is busy. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  look,
  className = '',
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  /** solid: the form's one action; outline: an action beside other content. */
  look: 'solid' | 'outline';
  className?: string;
}) {
  const looks = {
    solid: 'rounded-full bg-ink px-5 py-2 font-medium text-paper hover:opacity-90 disabled:opacity-60',
    outline:
      'rounded-full border border-ink px-5 py-2 text-sm font-medium hover:bg-ink hover:text-paper disabled:opacity-60',
  };
  return (
    <button type="submit" disabled={busy} className={`${className} ${looks[look]}`.trim()}>
      {busy ? busyLabel : label}
    </button>
  );
}
