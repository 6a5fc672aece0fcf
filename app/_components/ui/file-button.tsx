'use client';

/** A button that opens the file picker (a label around a hidden input, so the keyboard reaches it). */
export function FileButton({
  label,
  accept,
  className,
  onFile,
  testId,
}: {
  label: string;
  accept: string;
  className: string;
  onFile: (file: File) => void;
  testId?: string;
}) {
  return (
    <label
      className={`${className} cursor-pointer has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent`}
    >
      {label}
      <input
        type="file"
        accept={accept}
        className="sr-only"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = ''; // the same file chosen again is a new choice
        }}
      />
    </label>
  );
}
