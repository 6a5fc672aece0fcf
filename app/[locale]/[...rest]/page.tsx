import { notFound } from 'next/navigation';

// Any other path under a locale gets the localized 404 of app/[locale]/not-found.tsx.
export default function CatchAll() {
  notFound();
}
