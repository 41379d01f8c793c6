/**
 * Strips a trailing run of the given characters. Hand-written because `/[…]+$/` is quadratic in
 * V8 on long runs that are not at the end ("，，，…，x"), and inputs here are untrusted.
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]) || isWhitespace(text[end - 1]))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isWhitespace(ch: string): boolean {
  return ch.trim() === '';
}
