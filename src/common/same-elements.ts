/** Equal element by element (NaN equals NaN): a matrix against another, colours against those drawn, codes outlined. */
export function sameElements<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
