/**
 * Where to go after signing in. Only a path on this site is followed: an absolute URL, a
 * scheme-relative `//evil.example` or a backslash trick (`/\evil.example`, which browsers read as
 * `//`) would make the sign-in page an open redirect for phishing.
 */

/**
 * @example
 * safeNext('/dashboard?site=dvp') // '/dashboard?site=dvp'
 * safeNext('https://evil.example/') // null
 * safeNext('//evil.example') // null
 */
export function safeNext(next: string | undefined | null): string | null {
  if (!next || next.length > 2000) return null;
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return null;
  const base = 'http://hubvoice.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  // Never back to the sign-in form itself: that would loop after a successful sign-in.
  if (url.pathname === '/sign-in' || url.pathname === '/sign-out') return null;
  return url.pathname + url.search + url.hash;
}
