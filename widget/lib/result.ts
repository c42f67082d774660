/** What a call across the embed boundary returns instead of throwing into a host page's code. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
