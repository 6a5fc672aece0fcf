import Link from 'next/link';
import './globals.css';

// Reached only for paths the locale proxy does not handle (files with an extension).
export default function GlobalNotFound() {
  return (
    <html lang="nl">
      <body className="grid min-h-dvh place-items-center bg-paper p-8 font-sans text-ink">
        <main className="max-w-md text-center">
          <h1 className="font-serif text-3xl">Pagina niet gevonden · Page not found</h1>
          <p className="mt-4">
            <Link className="underline" href="/">
              Naar de bibliotheek · To the library
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
